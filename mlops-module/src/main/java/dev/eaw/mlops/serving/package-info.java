/**
 * Internal: serving registered model versions. {@link dev.eaw.mlops.serving.ServingEngine} resolves versions and
 * aliases (cached, refreshed by the registry's events), keeps a bounded set of loaded versions
 * ({@link dev.eaw.mlops.serving.ServedVersion}: ONNX Runtime or Tribuo), validates rows against the signature, routes
 * by traffic split, counts and times requests, and hands a sample of rows to the asynchronous
 * {@link dev.eaw.mlops.serving.PredictionLog} that drift ({@link dev.eaw.mlops.serving.Drift}) is measured on.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.serving;
