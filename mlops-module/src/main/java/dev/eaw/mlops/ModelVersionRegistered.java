package dev.eaw.mlops;

/** Published when a new version of a registered model was added (what serving's {@code latest} follows). */
public record ModelVersionRegistered(String name, String version) {
}
