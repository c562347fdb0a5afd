package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

/** A source of an answer: {@code number} is the {@code [n]} in the answer's text, {@code snippet} the cited passage. */
public record Citation(int number, long documentId, String title, @Nullable Integer page, String snippet,
		double score, long chunkId) {
}
