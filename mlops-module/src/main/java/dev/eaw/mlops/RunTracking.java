package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * MLflow runs and what they log: create, read, update, delete (soft) and restore, search, and metrics, params and
 * tags one by one or in batches. Failures are {@link TrackingError}s with MLflow's error codes.
 */
public interface RunTracking {

	/** At most this many metrics, params and tags in one {@link #logBatch} call, as in MLflow. */
	int MAX_BATCH_METRICS = 1000;

	int MAX_BATCH_PARAMS = 100;

	int MAX_BATCH_TAGS = 100;

	Run create(NewRun run);

	Run get(String runId);

	/** Changes status, end time and name where given; answers the updated info. */
	RunInfo update(String runId, @Nullable RunStatus status, @Nullable Long endTime, @Nullable String runName);

	void delete(String runId);

	void restore(String runId);

	Page<Run> search(RunSearch search);

	void logMetric(String runId, Metric metric);

	/** Logs a param; the same value again is fine, a different one is INVALID_PARAMETER_VALUE. */
	void logParam(String runId, Param param);

	void setTag(String runId, Tag tag);

	void deleteTag(String runId, String key);

	void logBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags);

	/** Records datasets the run used; one it logged already (same name and digest) is no error and no change. */
	void logInputs(String runId, List<DatasetInput> inputs);

	/** A metric's values in the order they were logged; an unknown key gives an empty list. */
	Page<Metric> metricHistory(String runId, String key, int maxResults, @Nullable String pageToken);

}
