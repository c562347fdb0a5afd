package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * MLflow 3's logged models, which {@code log_model} creates before it uploads the model's files: create (PENDING),
 * finalize (READY or UPLOAD_FAILED), read, delete, search, params and tags; metrics logged with a {@code model_id};
 * models as run inputs and outputs. Failures are {@link TrackingError}s with MLflow's error codes.
 */
public interface LoggedModels {

	LoggedModel create(NewLoggedModel model);

	/** The model; a deleted or unknown id is RESOURCE_DOES_NOT_EXIST. */
	LoggedModel get(String modelId);

	/** Sets the final status (READY or UPLOAD_FAILED; PENDING is refused) and answers the model. */
	LoggedModel finish(String modelId, LoggedModelStatus status);

	void delete(String modelId);

	Page<LoggedModel> search(LoggedModelSearch search);

	/** Logs params; the same value again is fine, a different one is INVALID_PARAMETER_VALUE, as for runs. */
	void logParams(String modelId, List<Param> params);

	LoggedModel setTags(String modelId, List<Tag> tags);

	void deleteTag(String modelId, String key);

	/**
	 * Logs metrics, params and tags to the run as {@link RunTracking#logBatch} does; metrics with a model id also
	 * become that model's metrics (with their dataset). An unknown model id is RESOURCE_DOES_NOT_EXIST and logs
	 * nothing.
	 */
	void logBatch(String runId, List<ModelMetric> metrics, List<Param> params, List<Tag> tags);

	/** Records datasets and logged models a run used; a model it recorded already is no error and no change. */
	void logInputs(String runId, List<DatasetInput> datasets, List<String> modelIds);

	/** Records logged models a run produced, each with the step it was made at. */
	void logOutputs(String runId, List<ModelOutput> outputs);

	/** The model's artifact directory in the artifact proxy store, or null when its uri is elsewhere. */
	@Nullable
	String artifactRoot(String modelId);

}
