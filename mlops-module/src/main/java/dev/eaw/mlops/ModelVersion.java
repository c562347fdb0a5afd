package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One version of a registered model, as MLflow's {@code ModelVersion}: the version is a decimal string ("1", "2", …),
 * the stage one of {@link ModelStage}'s names, the status always {@code READY} (registration is immediate here).
 */
public record ModelVersion(String name, String version, long creationTimestamp, long lastUpdatedTimestamp,
		@Nullable String userId, String currentStage, String description, String source, @Nullable String runId,
		String status, @Nullable String statusMessage, List<Tag> tags, @Nullable String runLink, List<String> aliases) {
}
