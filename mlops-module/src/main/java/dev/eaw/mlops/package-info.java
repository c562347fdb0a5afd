/**
 * MLOps: training, MLflow-compatible experiment tracking and model registry, serving and monitoring (what Azure ML,
 * Dataiku and MLflow do). Everything it stores lives in the {@code mlops} schema, artifacts under a directory of their own. The root package is the module's
 * API; {@code jdbc}, {@code tracking}, {@code registry}, {@code artifacts}, {@code training}, {@code serving} and
 * {@code mlflow} (MLflow's REST API over this API) are internal.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops;
