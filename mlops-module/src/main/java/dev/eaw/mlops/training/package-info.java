/**
 * Internal: training with Tribuo in the background. A job reads a table, encodes its columns as features
 * ({@link dev.eaw.mlops.training.Encoding}), splits it with a fixed seed, optionally searches hyperparameters, trains,
 * evaluates, and logs everything as an MLflow run with the model package as artifacts.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.training;
