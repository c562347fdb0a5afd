package dev.eaw.mlops;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What to train: a dataset of the Insights module, its target column, the task and algorithm, hyperparameters
 * (missing ones take their defaults), an optional search, the experiment to log into (created if missing), the split
 * seed and test fraction, and an optional run name.
 */
public record TrainingRequest(String dataset, String target, MlTask task, String algorithm,
		Map<String, String> hyperparameters, @Nullable HyperparameterSearch search, String experiment, long seed,
		double testFraction, @Nullable String runName) {

	public static final String DEFAULT_EXPERIMENT = "Default";

	public static final long DEFAULT_SEED = 42;

	public static final double DEFAULT_TEST_FRACTION = 0.2;

}
