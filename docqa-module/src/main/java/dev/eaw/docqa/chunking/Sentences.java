package dev.eaw.docqa.chunking;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentence boundaries (English rules of {@link BreakIterator}), trimmed, as spans of the original text. */
public final class Sentences {

	private Sentences() {
	}

	public static List<Span> split(String text) {
		return split(text, 0, text.length());
	}

	public static List<Span> split(String text, int from, int to) {
		BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
		iterator.setText(text.substring(from, to));
		List<Span> sentences = new ArrayList<>();
		int start = iterator.first();
		for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
			int s = from + start;
			int e = from + end;
			while (s < e && Character.isWhitespace(text.charAt(s))) {
				s++;
			}
			while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
				e--;
			}
			if (e > s) {
				sentences.add(new Span(s, e));
			}
		}
		return sentences;
	}

}
