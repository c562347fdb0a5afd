package dev.eaw.docqa.chunking;

import java.util.List;

/**
 * Sentence boundaries as spans of the original text: the application's one segmenter
 * ({@link dev.eaw.kernel.text.Sentences}: abbreviations such as {@code Dr.} and initials do not end a sentence, and
 * every blank line does — a heading or list item above a paragraph is not part of its first sentence), trimmed.
 */
public final class Sentences {

	private Sentences() {
	}

	public static List<Span> split(String text) {
		return split(text, 0, text.length());
	}

	public static List<Span> split(String text, int from, int to) {
		return dev.eaw.kernel.text.Sentences.spans(text, from, to)
			.stream()
			.map(span -> new Span(span.start(), span.end()))
			.toList();
	}

}
