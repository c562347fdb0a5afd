/**
 * Internal: the MLflow-compatible tracking store on PostgreSQL (schema {@code mlops}): experiments, runs, params,
 * metrics and tags through Spring's {@code JdbcClient}, and MLflow's search filter and order-by syntax.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.tracking;
