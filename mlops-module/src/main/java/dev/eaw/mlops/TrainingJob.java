package dev.eaw.mlops;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A training job as it goes: queued, running (with progress 0–1 and the current stage), finished (with the run that
 * holds the model) or failed (with the reason). The run id is known once the job starts.
 */
public record TrainingJob(String id, TrainingState state, double progress, String stage, TrainingRequest request,
		@Nullable String runId, @Nullable String experimentId, @Nullable String error, String user,
		Instant submittedAt, @Nullable Instant finishedAt) {
}
