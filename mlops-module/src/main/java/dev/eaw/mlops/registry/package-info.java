/**
 * Internal: MLflow's model registry on PostgreSQL (schema {@code mlops}): registered models, versions, stages, tags
 * and aliases through Spring's {@code JdbcClient}, and the registry's search filter and order-by syntax.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.registry;
