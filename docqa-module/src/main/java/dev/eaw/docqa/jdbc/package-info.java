/** Internal: JDBC access to collections and documents. */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.jdbc;
