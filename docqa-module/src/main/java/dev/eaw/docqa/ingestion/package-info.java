/**
 * Internal: collections and uploads, and the background ingestion of documents. An upload is copied to the file
 * store while its SHA-256 is computed, checked (size, type by content), compared with the collection's documents
 * (same bytes: a duplicate) and queued. One worker thread then takes each document through extraction, chunking,
 * embedding and indexing, writing status and progress to the database as it goes; any failure marks that document
 * failed with its reason and removes its partial chunks. On start, documents left {@code extracting} or
 * {@code embedding} by a stop are queued again with the ones still {@code queued}.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.ingestion;
