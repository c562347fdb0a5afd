package dev.eaw.docqa.chunking;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentence boundaries (English rules of {@link BreakIterator}, and every blank line — a heading or list item above a
 * paragraph is not part of its first sentence), trimmed, as spans of the original text.
 */
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
			addLines(text, s, e, sentences);
		}
		return sentences;
	}

	/** Adds the span cut at blank lines, each piece trimmed. */
	private static void addLines(String text, int start, int end, List<Span> sentences) {
		int s = start;
		for (int i = start; i < end; i++) {
			if (text.charAt(i) == '\n' && blankLineFollows(text, i + 1, end)) {
				add(text, s, i, sentences);
				s = i + 1;
			}
		}
		add(text, s, end, sentences);
	}

	private static boolean blankLineFollows(String text, int from, int end) {
		for (int i = from; i < end; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				return true;
			}
			if (!Character.isWhitespace(c)) {
				return false;
			}
		}
		return false;
	}

	private static void add(String text, int start, int end, List<Span> sentences) {
		int s = start;
		int e = end;
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

}
