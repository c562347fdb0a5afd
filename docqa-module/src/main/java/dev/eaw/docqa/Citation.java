package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

/**
 * A source of an answer: {@code number} is the {@code [n]} in the answer's text, {@code snippet} the cited passage.
 * {@code from} and {@code to} are the character offsets, within the chunk's text, of the quoted sentences (from the
 * first one's start to the last one's end), when the answer quotes sentences; null when it cites the whole chunk.
 */
public record Citation(int number, long documentId, String title, @Nullable Integer page, String snippet,
		double score, long chunkId, @Nullable Integer from, @Nullable Integer to) {

	/** A citation of a whole chunk. */
	public Citation(int number, long documentId, String title, @Nullable Integer page, String snippet, double score,
			long chunkId) {
		this(number, documentId, title, page, snippet, score, chunkId, null, null);
	}

}
