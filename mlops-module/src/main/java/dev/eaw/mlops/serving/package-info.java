/**
 * Internal: serving registered model versions. {@link dev.eaw.mlops.serving.ServingEngine} answers requests over
 * {@link dev.eaw.mlops.serving.Resolutions} (versions and aliases, cached), {@link dev.eaw.mlops.serving.LoadedVersions}
 * (a bounded set of loaded {@link dev.eaw.mlops.serving.ServedVersion}s: ONNX Runtime or Tribuo) and
 * {@link dev.eaw.mlops.serving.TrafficSplits}; {@link dev.eaw.mlops.serving.ServingEvents} keeps them current after
 * the registry commits, and {@link dev.eaw.mlops.serving.AliasGuard} loads an alias's new version before it moves.
 * Rows are validated against the signature ({@link dev.eaw.mlops.serving.InputRows}), requests counted and timed
 * ({@link dev.eaw.mlops.serving.VersionMeters}), and a sample of rows handed to the asynchronous
 * {@link dev.eaw.mlops.serving.PredictionLog} that drift ({@link dev.eaw.mlops.serving.Drift}) is measured on.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.serving;
