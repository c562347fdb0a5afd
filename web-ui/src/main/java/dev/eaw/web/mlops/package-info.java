/**
 * MLflow's REST API (tracking and model registry, as spoken by MLflow 2.17.2) under {@code /api/2.0/mlflow} and
 * {@code /ajax-api/2.0/mlflow}: snake_case JSON in and out, MLflow's error bodies, backed by the MLOps module; and the
 * MLOps pages under {@code /mlops} (experiments, runs, compare, model registry) over the same module's APIs.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.web.mlops;
