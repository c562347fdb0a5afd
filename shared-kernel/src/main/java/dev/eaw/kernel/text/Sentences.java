package dev.eaw.kernel.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * The one English sentence segmenter of the application: ICU's Unicode sentence rules with the CLDR abbreviation
 * suppressions, plus {@link Abbreviations} (titles such as {@code Dr.}, {@code No. 5}, {@code Fig. 3}, initials). A
 * blank line always ends a sentence, so a heading or list item above a paragraph is not part of its first sentence.
 * Sentences are trimmed and never empty.
 */
public final class Sentences {

	private static final BreakIterator PROTOTYPE = FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH)
		.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.ENGLISH));

	private Sentences() {
	}

	/** The sentences of the text, stripped. */
	public static List<String> of(String text) {
		return spans(text).stream().map(span -> span.of(text)).toList();
	}

	public static List<TextSpan> spans(String text) {
		return spans(text, 0, text.length());
	}

	/** The sentences of {@code text[from, to)} as spans of the whole text. */
	public static List<TextSpan> spans(String text, int from, int to) {
		// ICU ends a sentence at every line break; a wrapped line is not a sentence end (blank lines are, below)
		String part = text.substring(from, to).replace('\n', ' ').replace('\r', ' ');
		BreakIterator iterator = iterator();
		iterator.setText(part);
		List<TextSpan> sentences = new ArrayList<>();
		int start = iterator.first();
		for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
			if (end < part.length() && Abbreviations.endsWithAbbreviation(part, end)) {
				continue;
			}
			addLines(text, from + start, from + end, sentences);
			start = end;
		}
		return sentences;
	}

	private static BreakIterator iterator() {
		synchronized (PROTOTYPE) {
			return (BreakIterator) PROTOTYPE.clone();
		}
	}

	/** Adds the span cut at blank lines, each piece trimmed. */
	private static void addLines(String text, int start, int end, List<TextSpan> sentences) {
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

	private static void add(String text, int start, int end, List<TextSpan> sentences) {
		int s = start;
		int e = end;
		while (s < e && Character.isWhitespace(text.charAt(s))) {
			s++;
		}
		while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
			e--;
		}
		if (e > s) {
			sentences.add(new TextSpan(s, e));
		}
	}

}
