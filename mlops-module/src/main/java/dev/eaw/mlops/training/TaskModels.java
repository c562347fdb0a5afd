package dev.eaw.mlops.training;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;

/** What differs between classification and regression: outputs, trainers, metrics and evaluation artifacts. */
interface TaskModels<T extends Output<T>> {

	OutputFactory<T> factory();

	/** The output of a target cell; null when the row cannot be used (missing or, for regression, not a number). */
	@Nullable T output(@Nullable Object value, String target);

	Trainer<T> trainer(String algorithm, Hyperparameters parameters, long seed);

	/**
	 * The model evaluated once on the dataset: its metrics by MLflow-style name, and the evaluation artifacts (file
	 * name under {@code evaluation/} → JSON-ready value, e.g. the confusion matrix) from the same predictions.
	 */
	Evaluated evaluate(Model<T> model, Dataset<T> test);

	/** An evaluation's metrics and artifacts. */
	record Evaluated(Map<String, Double> metrics, Map<String, Object> artifacts) {
	}

	/** The metric a search ranks candidates by, and whether higher is better. */
	String selectionMetric();

	boolean higherIsBetter();

	/** The classes in the order of the model's outputs (empty for regression). */
	List<String> classes(Model<T> model);

}
