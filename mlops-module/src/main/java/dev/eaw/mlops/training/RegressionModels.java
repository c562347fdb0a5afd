package dev.eaw.mlops.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/** Regression of one numeric target: RMSE, MAE and R², and a sample of predicted against actual values. */
final class RegressionModels implements TaskModels<Regressor> {

	private static final int QUIET = ClassificationModels.QUIET;

	private final RegressionFactory factory = new RegressionFactory();

	@Override
	public OutputFactory<Regressor> factory() {
		return factory;
	}

	@Override
	public @Nullable Regressor output(@Nullable Object value, String target) {
		return value instanceof Number number && Double.isFinite(number.doubleValue())
				? new Regressor(target, number.doubleValue()) : null;
	}

	@Override
	public Trainer<Regressor> trainer(String algorithm, Hyperparameters p, long seed) {
		return switch (algorithm) {
			case "linear-regression" -> new LinearSGDTrainer(new SquaredLoss(),
					new AdaGrad(p.real("learning_rate"), 0.1), p.integer("epochs"), QUIET, p.integer("minibatch"), seed);
			case "liblinear" -> new LibLinearRegressionTrainer(
					new LinearRegressionType(LinearRegressionType.LinearType.L2R_L2LOSS_SVR), p.real("cost"),
					p.integer("max_iterations"), p.real("epsilon"), 0.1, seed);
			case "factorization-machine" -> new FMRegressionTrainer(new SquaredLoss(),
					new AdaGrad(p.real("learning_rate"), 0.1), p.integer("epochs"), QUIET, p.integer("minibatch"), seed,
					p.integer("factors"), p.real("variance"), true);
			case "cart" -> new CARTRegressionTrainer(p.integer("max_depth"), (float) p.real("min_child_weight"), 0f, 1f,
					false, new MeanSquaredError(), seed);
			case "random-forest" -> new RandomForestTrainer<>(
					new CARTRegressionTrainer(p.integer("max_depth"), (float) p.real("min_child_weight"), 0f,
							(float) p.real("feature_fraction"), false, new MeanSquaredError(), seed),
					new AveragingCombiner(), p.integer("trees"), seed);
			case "xgboost" -> new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR,
					p.integer("trees"), p.real("eta"), 0, p.integer("max_depth"), 1, p.real("subsample"), 1,
					p.real("lambda"), 0, 1, true, seed);
			default -> throw new IllegalArgumentException("No regression algorithm " + algorithm);
		};
	}

	@Override
	public Evaluated evaluate(Model<Regressor> model, Dataset<Regressor> test) {
		RegressionEvaluation evaluation = new RegressionEvaluator().evaluate(model, test);
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("rmse", evaluation.averageRMSE());
		metrics.put("mae", evaluation.averageMAE());
		metrics.put("r2", evaluation.averageR2());
		metrics.replaceAll((name, value) -> Double.isFinite(value) ? value : 0.0);
		return new Evaluated(metrics, Map.of("predicted_vs_actual.json", predictedVsActual(evaluation.getPredictions())));
	}

	@Override
	public String selectionMetric() {
		return "rmse";
	}

	@Override
	public boolean higherIsBetter() {
		return false;
	}

	@Override
	public List<String> classes(Model<Regressor> model) {
		return List.of();
	}

	/** At most about 500 points [actual, predicted], evenly spread over the test rows. */
	private static Map<String, Object> predictedVsActual(List<Prediction<Regressor>> predictions) {
		List<List<Double>> points = new ArrayList<>();
		int step = Math.max(1, predictions.size() / 500);
		for (int i = 0; i < predictions.size(); i += step) {
			Prediction<Regressor> prediction = predictions.get(i);
			points.add(List.of(prediction.getExample().getOutput().getValues()[0],
					prediction.getOutput().getValues()[0]));
		}
		return Map.of("points", points);
	}

}
