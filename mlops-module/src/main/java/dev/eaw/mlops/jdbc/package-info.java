/** Internal: JDBC access to experiments and runs. */
@org.jspecify.annotations.NullMarked
package dev.eaw.mlops.jdbc;
