package dev.eaw.mlops.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.ModelSignature.Input;
import dev.eaw.mlops.training.Encoding;

/** A Tribuo model (trees, forests, XGBoost, or any model when ONNX is not wanted) predicting a batch of rows. */
final class TribuoPredictor implements Predictor {

	private final Model<?> model;

	private final ModelSignature signature;

	TribuoPredictor(Model<?> model, ModelSignature signature) {
		this.model = model;
		this.signature = signature;
	}

	@Override
	@SuppressWarnings("unchecked")
	public double[][] outputs(List<@Nullable Object[]> rows) {
		double[][] outputs = new double[rows.size()][];
		if (signature.task() == MlTask.REGRESSION) {
			List<Prediction<Regressor>> predictions = ((Model<Regressor>) model)
				.predict(examples(rows, RegressionFactory.UNKNOWN_REGRESSOR));
			for (int r = 0; r < outputs.length; r++) {
				outputs[r] = new double[] { predictions.get(r).getOutput().getValues()[0] };
			}
			return outputs;
		}
		List<Prediction<Label>> predictions = ((Model<Label>) model).predict(examples(rows, LabelFactory.UNKNOWN_LABEL));
		List<String> classes = signature.classes();
		for (int r = 0; r < outputs.length; r++) {
			Map<String, Label> scores = predictions.get(r).getOutputScores();
			double[] row = new double[classes.size()];
			for (int c = 0; c < row.length; c++) {
				Label label = scores.get(classes.get(c));
				row[c] = label == null ? 0 : label.getScore();
			}
			outputs[r] = row;
		}
		return outputs;
	}

	private <T extends Output<T>> List<Example<T>> examples(List<@Nullable Object[]> rows, T unknown) {
		List<Example<T>> examples = new ArrayList<>(rows.size());
		List<Input> inputs = signature.inputs();
		for (Object[] row : rows) {
			List<String> names = new ArrayList<>(inputs.size());
			List<Double> values = new ArrayList<>(inputs.size());
			for (int i = 0; i < inputs.size(); i++) {
				Encoding.encode(inputs.get(i), row[i], (name, value) -> {
					names.add(name);
					values.add(value);
				});
			}
			examples.add(new ArrayExample<>(unknown, names.toArray(String[]::new),
					values.stream().mapToDouble(Double::doubleValue).toArray()));
		}
		return examples;
	}

	@Override
	public void close() {
		// nothing native to release
	}

}
