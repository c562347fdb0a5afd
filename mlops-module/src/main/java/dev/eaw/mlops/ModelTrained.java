package dev.eaw.mlops;

/** Published when a training job finished and its run holds a model package. */
public record ModelTrained(String jobId, String runId, String experimentId, String algorithm) {
}
