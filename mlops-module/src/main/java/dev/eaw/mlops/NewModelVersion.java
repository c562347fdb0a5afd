package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code model-versions/create} carries; {@code userId} is the caller, null when unknown. {@code modelId} (MLflow
 * 3) names the logged model the version is made from; a {@code models:/m-…} source names it too.
 */
public record NewModelVersion(String name, String source, @Nullable String runId, List<Tag> tags,
		@Nullable String runLink, @Nullable String description, @Nullable String userId, @Nullable String modelId) {

	/** A version not made from a logged model (or whose source alone names it). */
	public NewModelVersion(String name, String source, @Nullable String runId, List<Tag> tags,
			@Nullable String runLink, @Nullable String description, @Nullable String userId) {
		this(name, source, runId, tags, runLink, description, userId, null);
	}

}
