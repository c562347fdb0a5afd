/**
 * The MLOps pages under {@code /mlops} (experiments, runs, compare, model registry, training, serving) and the
 * training and serving REST API, over the MLOps module's API. MLflow's own REST API lives in the module
 * ({@code dev.eaw.mlops.mlflow}).
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.web.mlops;
