/**
 * Internal: MLflow's artifact proxy storage on the local file system, confined to one root directory.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.artifacts;
