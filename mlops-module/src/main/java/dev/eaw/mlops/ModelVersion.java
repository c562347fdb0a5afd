package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One version of a registered model, as MLflow's {@code ModelVersion}: the version is a decimal string ("1", "2", …),
 * the stage one of {@link ModelStage}'s names, the status always {@code READY} (registration is immediate here).
 * {@code modelId} is the MLflow 3 logged model the version was made from; {@code storageLocation} where its files
 * are: the logged model's artifact uri for a {@code models:/m-…} source, the source otherwise.
 */
public record ModelVersion(String name, String version, long creationTimestamp, long lastUpdatedTimestamp,
		@Nullable String userId, String currentStage, String description, String source, @Nullable String runId,
		String status, @Nullable String statusMessage, List<Tag> tags, @Nullable String runLink, List<String> aliases,
		@Nullable String modelId, String storageLocation) {

	/** A version not made from a logged model: its files are at its source. */
	public ModelVersion(String name, String version, long creationTimestamp, long lastUpdatedTimestamp,
			@Nullable String userId, String currentStage, String description, String source, @Nullable String runId,
			String status, @Nullable String statusMessage, List<Tag> tags, @Nullable String runLink,
			List<String> aliases) {
		this(name, version, creationTimestamp, lastUpdatedTimestamp, userId, currentStage, description, source, runId,
				status, statusMessage, tags, runLink, aliases, null, source);
	}

}
