/**
 * Internal: JDBC access to the {@code docqa} schema — collections, documents (status, progress, extracted text) and
 * chunks — and the module's dashboard card.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.jdbc;
