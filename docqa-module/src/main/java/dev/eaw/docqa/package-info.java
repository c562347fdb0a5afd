/**
 * Document Q&amp;A: collections of documents, ingested, embedded in-process and indexed, answered with citations (what
 * Azure OpenAI "chat with your data" on Azure AI Search does). Document text, chunks and metadata live in the
 * {@code docqa} schema. The root package is the module's API; {@code jdbc} (and later {@code ingestion},
 * {@code retrieval}, {@code answering}) are internal.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa;
