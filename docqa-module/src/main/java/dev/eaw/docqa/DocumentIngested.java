package dev.eaw.docqa;

/** Published when a document was extracted, chunked, embedded and indexed: it is now searchable. */
public record DocumentIngested(String collection, long documentId, String title, int chunks) {
}
