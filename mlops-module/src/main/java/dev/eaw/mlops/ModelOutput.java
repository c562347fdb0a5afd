package dev.eaw.mlops;

/** A logged model a run produced (MLflow 3's {@code ModelOutput}): the model's id and the step it was made at. */
public record ModelOutput(String modelId, long step) {
}
