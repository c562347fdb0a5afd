package dev.eaw.mlops;

import org.jspecify.annotations.Nullable;

/**
 * A metric as MLflow 3 logs it: MLflow's {@code Metric} with the logged model it measures ({@code model_id}), the
 * dataset it was measured on ({@code dataset_name}, {@code dataset_digest}) and the run that logged it.
 */
public record ModelMetric(String key, double value, long timestamp, long step, @Nullable String modelId,
		@Nullable String datasetName, @Nullable String datasetDigest, @Nullable String runId) {

	/** A plain run metric (no model, no dataset). */
	public ModelMetric(Metric metric) {
		this(metric.key(), metric.value(), metric.timestamp(), metric.step(), null, null, null, null);
	}

	public Metric metric() {
		return new Metric(key, value, timestamp, step);
	}

}
