package dev.eaw.mlops.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** Classification with Tribuo labels: accuracy, precision, recall, F1, ROC-AUC and log-loss, and a confusion matrix. */
final class ClassificationModels implements TaskModels<Label> {

	/** Class names taken as "the positive class" of a binary problem, before falling back to the last by name. */
	private static final Set<String> POSITIVE = Set.of("yes", "true", "1", "positive", "y", "t");

	static final int QUIET = Integer.MAX_VALUE;

	private final LabelFactory factory = new LabelFactory();

	@Override
	public OutputFactory<Label> factory() {
		return factory;
	}

	@Override
	public @Nullable Label output(@Nullable Object value, String target) {
		return value == null ? null : new Label(Encoding.text(value));
	}

	@Override
	public Trainer<Label> trainer(String algorithm, Hyperparameters p, long seed) {
		return switch (algorithm) {
			case "logistic-regression" -> new LinearSGDTrainer(new LogMulticlass(),
					new AdaGrad(p.real("learning_rate"), 0.1), p.integer("epochs"), QUIET, p.integer("minibatch"), seed);
			case "linear-svm" -> new LinearSGDTrainer(new Hinge(), new AdaGrad(p.real("learning_rate"), 0.1),
					p.integer("epochs"), QUIET, p.integer("minibatch"), seed);
			case "liblinear" -> new LibLinearClassificationTrainer(
					new LinearClassificationType(LinearClassificationType.LinearType.valueOf(p.text("solver"))),
					p.real("cost"), p.integer("max_iterations"), p.real("epsilon"), seed);
			case "factorization-machine" -> new FMClassificationTrainer(new LogMulticlass(),
					new AdaGrad(p.real("learning_rate"), 0.1), p.integer("epochs"), QUIET, p.integer("minibatch"), seed,
					p.integer("factors"), p.real("variance"));
			case "cart" -> new CARTClassificationTrainer(p.integer("max_depth"), (float) p.real("min_child_weight"),
					0f, 1f, false, new GiniIndex(), seed);
			case "random-forest" -> new RandomForestTrainer<>(
					new CARTClassificationTrainer(p.integer("max_depth"), (float) p.real("min_child_weight"), 0f,
							(float) p.real("feature_fraction"), false, new GiniIndex(), seed),
					new VotingCombiner(), p.integer("trees"), seed);
			case "xgboost" -> new XGBoostClassificationTrainer(p.integer("trees"), p.real("eta"), 0,
					p.integer("max_depth"), 1, p.real("subsample"), 1, p.real("lambda"), 0, 1, true, seed);
			default -> throw new IllegalArgumentException("No classification algorithm " + algorithm);
		};
	}

	@Override
	public Evaluated evaluate(Model<Label> model, Dataset<Label> test) {
		LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("accuracy", evaluation.accuracy());
		List<String> classes = classes(model);
		if (classes.size() == 2) {
			Label positive = new Label(positive(classes));
			metrics.put("precision", evaluation.precision(positive));
			metrics.put("recall", evaluation.recall(positive));
			metrics.put("f1", evaluation.f1(positive));
			if (model.generatesProbabilities()) {
				metrics.put("roc_auc", evaluation.AUCROC(positive));
			}
		}
		else {
			metrics.put("precision", evaluation.macroAveragedPrecision());
			metrics.put("recall", evaluation.macroAveragedRecall());
			metrics.put("f1", evaluation.macroAveragedF1());
			if (model.generatesProbabilities()) {
				metrics.put("roc_auc", evaluation.averageAUCROC(false));
			}
		}
		if (model.generatesProbabilities()) {
			metrics.put("log_loss", logLoss(evaluation.getPredictions()));
		}
		metrics.replaceAll((name, value) -> Double.isFinite(value) ? value : 0.0);
		return new Evaluated(metrics, Map.of("confusion_matrix.json", confusion(model, evaluation)));
	}

	private static double logLoss(List<Prediction<Label>> predictions) {
		double sum = 0;
		for (Prediction<Label> prediction : predictions) {
			Label truth = prediction.getExample().getOutput();
			Label scored = prediction.getOutputScores().get(truth.getLabel());
			double p = scored == null ? 0 : scored.getScore();
			sum -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p)));
		}
		return predictions.isEmpty() ? 0 : sum / predictions.size();
	}

	/** The class a binary problem's precision, recall and ROC-AUC are about. */
	static String positive(List<String> classes) {
		for (String name : classes) {
			if (POSITIVE.contains(name.toLowerCase(Locale.ROOT))) {
				return name;
			}
		}
		return classes.stream().sorted().reduce((a, b) -> b).orElseThrow();
	}

	@Override
	public String selectionMetric() {
		return "accuracy";
	}

	@Override
	public boolean higherIsBetter() {
		return true;
	}

	@Override
	public List<String> classes(Model<Label> model) {
		List<String> classes = new ArrayList<>();
		for (int id = 0; id < model.getOutputIDInfo().size(); id++) {
			classes.add(model.getOutputIDInfo().getOutput(id).getLabel());
		}
		return classes;
	}

	/** Rows are the actual classes, columns the predicted ones, both by name. */
	private Map<String, Object> confusion(Model<Label> model, LabelEvaluation evaluation) {
		List<String> labels = classes(model).stream().sorted().toList();
		List<List<Long>> matrix = new ArrayList<>();
		for (String actual : labels) {
			List<Long> row = new ArrayList<>();
			for (String predicted : labels) {
				row.add(Math.round(evaluation.confusion(new Label(predicted), new Label(actual))));
			}
			matrix.add(row);
		}
		return Map.of("labels", labels, "matrix", matrix);
	}

}
