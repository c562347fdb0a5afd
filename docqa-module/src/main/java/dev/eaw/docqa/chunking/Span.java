package dev.eaw.docqa.chunking;

/** A piece of text by its offsets {@code [start, end)}. */
public record Span(int start, int end) {

	public String of(String text) {
		return text.substring(start, end);
	}

}
