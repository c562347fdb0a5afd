package dev.eaw.mlops.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.ModelSignature.Input;

/**
 * A loaded model version: its signature, its training profile (the drift baseline, absent for models trained
 * elsewhere) and its predictor, turning validated rows into predictions as the API answers them.
 */
final class ServedVersion {

	private final String model;

	private final String version;

	private final ModelSignature signature;

	private final @Nullable Profile profile;

	private final Predictor predictor;

	ServedVersion(String model, String version, ModelSignature signature, @Nullable Profile profile,
			Predictor predictor) {
		this.model = model;
		this.version = version;
		this.signature = signature;
		this.profile = profile;
		this.predictor = predictor;
	}

	String model() {
		return model;
	}

	String version() {
		return version;
	}

	ModelSignature signature() {
		return signature;
	}

	@Nullable Profile profile() {
		return profile;
	}

	/** The raw outputs of validated rows (see {@link Predictor}). */
	double[][] outputs(List<@Nullable Object[]> rows) {
		return predictor.outputs(rows);
	}

	/** The predictions as answered: the regression value, or the label with probabilities (or scores) by class. */
	List<Object> predictions(double[][] outputs) {
		List<Object> predictions = new ArrayList<>(outputs.length);
		boolean onnx = signature.format().equals(ModelSignature.ONNX);
		if (signature.task() == MlTask.REGRESSION) {
			for (double[] output : outputs) {
				predictions.add(onnx ? tidy(output[0]) : output[0]);
			}
			return predictions;
		}
		List<String> classes = signature.classes();
		String key = signature.probabilities() ? "probabilities" : "scores";
		for (double[] output : outputs) {
			Map<String, Double> scores = new LinkedHashMap<>();
			int best = 0;
			for (int c = 0; c < classes.size(); c++) {
				scores.put(classes.get(c), onnx ? tidy(output[c]) : output[c]);
				if (output[c] > output[best]) {
					best = c;
				}
			}
			Map<String, Object> prediction = new LinkedHashMap<>();
			prediction.put("label", classes.get(best));
			prediction.put(key, scores);
			predictions.add(prediction);
		}
		return predictions;
	}

	/** A float's shortest decimal form as a double (0.8, not 0.800000011920929). */
	private static double tidy(double value) {
		return Double.parseDouble(Float.toString((float) value));
	}

	/** One example input row: numbers at their training mean, text at its most frequent category. */
	Map<String, Object> example() {
		Map<String, Object> row = new LinkedHashMap<>();
		for (Input input : signature.inputs()) {
			if (input.numeric()) {
				double mean = input.mean() == null ? 0 : input.mean();
				row.put(input.name(), Math.round(mean * 1000) / 1000.0);
			}
			else {
				row.put(input.name(), input.categories().isEmpty() ? "" : input.categories().get(0));
			}
		}
		return row;
	}

	void close() {
		predictor.close();
	}

	/** {@code feature_profile.json}: per input the training shares of its bins. */
	record Profile(int bins, int rows, List<Feature> features) {

		record Feature(String name, String type, double @Nullable [] edges, @Nullable List<String> categories,
				double[] expected) {
		}

	}

}
