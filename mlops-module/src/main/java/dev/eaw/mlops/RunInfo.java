package dev.eaw.mlops;

import org.jspecify.annotations.Nullable;

/** A run's metadata (MLflow's {@code RunInfo}); {@code endTime} is null while the run has not ended. */
public record RunInfo(String runId, String runName, String experimentId, String userId, RunStatus status,
		@Nullable Long startTime, @Nullable Long endTime, String artifactUri, String lifecycleStage) {
}
