package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

/**
 * A piece of a document's extracted text as it is embedded and indexed: its position ({@code ordinal}), the page it
 * starts on (PDFs), the headings above it ("Guide › Install"), its character offsets into the extracted text and its
 * length in the embedding model's tokens.
 */
public record Chunk(long id, long documentId, int ordinal, @Nullable Integer page, String heading, int start,
		int end, int tokens, String text) {
}
