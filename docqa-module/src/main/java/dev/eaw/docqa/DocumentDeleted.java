package dev.eaw.docqa;

/** Published when a document was deleted with its chunks and vectors. */
public record DocumentDeleted(String collection, long documentId, String user) {
}
