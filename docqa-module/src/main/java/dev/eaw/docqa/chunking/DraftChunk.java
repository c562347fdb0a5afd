package dev.eaw.docqa.chunking;

import org.jspecify.annotations.Nullable;

/**
 * A chunk before it is stored: its position, the page it starts on, the heading path, its offsets into the document
 * text, its text and the tokens of {@link #embeddingText()}.
 */
public record DraftChunk(int ordinal, @Nullable Integer page, String heading, int start, int end, String text,
		int tokens) {

	/** What is embedded and indexed: the heading path, then the text. */
	public String embeddingText() {
		return embeddingText(heading, text);
	}

	public static String embeddingText(String heading, String text) {
		return heading.isEmpty() ? text : heading + "\n\n" + text;
	}

}
