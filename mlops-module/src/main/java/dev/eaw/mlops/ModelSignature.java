package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a trained model takes and gives, stored as {@code model/signature.json} beside the model: the input columns
 * (numbers are standardised with the training mean and standard deviation, text is one-hot encoded as features
 * {@code column=value}), the model's feature order (the ONNX input's columns), the classes in the order of the
 * model's outputs, whether those are probabilities (otherwise scores, as a linear SVM gives), and the format it is
 * served from ({@code onnx} or {@code tribuo}).
 */
public record ModelSignature(MlTask task, String target, String algorithm, String format, List<Input> inputs,
		List<String> features, List<String> classes, boolean probabilities) {

	public static final String ONNX = "onnx";

	public static final String TRIBUO = "tribuo";

	/**
	 * One input column: {@code double} with mean and standard deviation, or {@code string} with the values seen in
	 * training (others are accepted and encode as none of them).
	 */
	public record Input(String name, String type, @Nullable Double mean, @Nullable Double std,
			List<String> categories) {

		public boolean numeric() {
			return type.equals("double");
		}

	}

	public @Nullable Input input(String name) {
		for (Input input : inputs) {
			if (input.name().equals(name)) {
				return input;
			}
		}
		return null;
	}

}
