/**
 * Internal: collections and uploads, and the background ingestion of documents. An upload is copied to the file
 * store while its SHA-256 is computed, checked (size, type by content), compared with the collection's documents
 * (same bytes: a duplicate) and queued. One worker thread ({@link dev.eaw.docqa.ingestion.IngestionQueue}) then takes
 * each document through extraction, chunking, embedding and indexing, writing status and progress to the database as
 * it goes; any failure marks that document failed with a plain reason and removes its partial chunks. Reading a file
 * runs on a thread of its own, abandoned past the time limit, so a file that never ends holds up no other; deleting a
 * document cancels its work. A shutdown puts the document under way back to {@code queued}; on start, documents still
 * {@code queued}, or left {@code extracting} or {@code embedding} by a kill, are queued again (never marked failed).
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.ingestion;
