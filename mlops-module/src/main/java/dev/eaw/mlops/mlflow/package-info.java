/**
 * MLflow's REST API (tracking, model registry and the artifact proxy, as spoken by MLflow 2.17.2 and 3.x clients)
 * under {@code /api/2.0/mlflow}, {@code /api/2.0/mlflow-artifacts} and {@code /ajax-api/2.0/…}: requests read by
 * {@code MlflowRequest}, answers written as snake_case records ({@code MlflowJson}, {@code MlflowRegistryJson}),
 * errors as MLflow's {@code {"error_code", "message"}} bodies ({@code MlflowErrorAdvice}, scoped to this package).
 * Internal: the controllers are package-private and call the module's API only.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.mlflow;
