package dev.eaw.docqa;

import java.time.Instant;

/**
 * A collection of documents, with how many documents it holds and how many of them are ready, and the embedding model
 * its chunks are (being) embedded with.
 */
public record DocumentCollection(String name, String description, long documents, long ready, String createdBy,
		Instant createdAt, String embeddingModel) {
}
