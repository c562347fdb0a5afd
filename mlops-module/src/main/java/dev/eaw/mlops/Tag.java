package dev.eaw.mlops;

/** A key/value tag of an experiment or a run (MLflow's {@code ExperimentTag} and {@code RunTag}). */
public record Tag(String key, String value) {
}
