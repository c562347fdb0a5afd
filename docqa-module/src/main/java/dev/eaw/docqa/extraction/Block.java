package dev.eaw.docqa.extraction;

import org.jspecify.annotations.Nullable;

/**
 * A heading ({@code level} 1–6) or a paragraph ({@code level} 0) of extracted text, with its offsets into the
 * document's text and the page it starts on (PDFs only).
 */
public record Block(int level, String text, int start, int end, @Nullable Integer page) {

	public boolean heading() {
		return level > 0;
	}

}
