/** Internal: JDBC access to the insights catalogue. */
@org.jspecify.annotations.NullMarked
package dev.eaw.insights.jdbc;
