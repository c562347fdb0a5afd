package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code runs/create} carries. Missing experiment id means "0" (Default); the user comes from the
 * {@code mlflow.user} tag, then {@code userId}, then "unknown"; the name from {@code runName}, then the
 * {@code mlflow.runName} tag, then a generated one.
 */
public record NewRun(@Nullable String experimentId, @Nullable String userId, @Nullable String runName,
		@Nullable Long startTime, List<Tag> tags) {
}
