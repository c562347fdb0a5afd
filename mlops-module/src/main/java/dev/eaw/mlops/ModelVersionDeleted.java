package dev.eaw.mlops;

/** Published when a version of a registered model was deleted, with the aliases that named it. */
public record ModelVersionDeleted(String name, String version) {
}
