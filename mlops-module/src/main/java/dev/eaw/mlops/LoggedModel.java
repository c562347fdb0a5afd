package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An MLflow 3 logged model: {@code info} (id {@code m-<32 hex>}, experiment, name, timestamps, artifact uri under the
 * artifact proxy, status, type, source run, tags, the registry versions made from it) and {@code data} (its params
 * and the metrics logged with its {@code model_id}).
 */
public record LoggedModel(String modelId, String experimentId, String name, long creationTimestamp,
		long lastUpdatedTimestamp, String artifactUri, LoggedModelStatus status, @Nullable String modelType,
		@Nullable String sourceRunId, @Nullable String statusMessage, List<Tag> tags,
		List<Registration> registrations, List<Param> params, List<ModelMetric> metrics) {

	/** A registry version made from this model ({@code LoggedModelRegistrationInfo}). */
	public record Registration(String name, String version) {
	}

}
