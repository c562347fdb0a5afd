package dev.eaw.mlops;

/** Published when a registered model was deleted or renamed: nothing is known under {@code name} any more. */
public record RegisteredModelRemoved(String name) {
}
