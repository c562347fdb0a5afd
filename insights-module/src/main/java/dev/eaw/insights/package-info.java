/**
 * Insights: the SQL + AI workbench (what Snowflake Cortex does). Datasets are CSV files loaded into tables of the
 * {@code insights_data} schema; their catalogue lives in the {@code insights} schema. The root package is the
 * module's API; {@code jdbc} (and later {@code sql}, {@code ai}, {@code forecast}) are internal.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.insights;
