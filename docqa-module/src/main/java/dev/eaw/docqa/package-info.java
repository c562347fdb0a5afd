/**
 * Document Q&amp;A: collections of documents, ingested, embedded in-process and indexed, answered with citations (what
 * Azure OpenAI "chat with your data" on Azure AI Search does). Document text, chunks and metadata live in the
 * {@code docqa} schema, the original files under {@code eaw.docqa.files}, the search index under
 * {@code eaw.docqa.index}. The root package is the module's API ({@link dev.eaw.docqa.DocumentCollections},
 * {@link dev.eaw.docqa.DocumentIngestion}, {@link dev.eaw.docqa.DocumentSearch},
 * {@link dev.eaw.docqa.QuestionAnswering}, their records and events); {@code jdbc}, {@code extraction},
 * {@code chunking}, {@code embedding}, {@code index}, {@code ingestion}, {@code retrieval} and {@code answering} are
 * internal.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa;
