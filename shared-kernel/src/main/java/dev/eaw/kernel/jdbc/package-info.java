/** Internal: users, API tokens and the audit trail in the {@code kernel} schema, read and written with plain JDBC. */
@org.jspecify.annotations.NullMarked
package dev.eaw.kernel.jdbc;
