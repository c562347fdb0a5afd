/** Internal: the SQL box — Apache Calcite over the datasets, the AI and time-series functions, and the guards. */
@org.jspecify.annotations.NullMarked
package dev.eaw.insights.sql;
