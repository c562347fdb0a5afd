package dev.eaw.mlops;

/** A run: its info and its data, the shape MLflow answers with. */
public record Run(RunInfo info, RunData data) {
}
