package dev.eaw.kernel.text;

import java.util.Set;

/**
 * Abbreviations after which a full stop does not end a sentence, on top of ICU's CLDR suppressions for English (which
 * know {@code Mr.}, {@code e.g.}, {@code U.S.} … but not {@code Dr.} or initials). A token matches as a whole word,
 * case-sensitively, so {@code text.} is not {@code ext.}; a single capital letter with a full stop is an initial
 * ({@code J. R. R. Tolkien}) — the price is that a sentence ending in one ("Plan B.") runs on into the next.
 */
final class Abbreviations {

	private static final Set<String> WORDS = Set.of("Dr", "Prof", "Mr", "Mrs", "Ms", "Mx", "St", "Jr", "Sr", "Rev",
			"Gen", "Col", "Capt", "Lt", "Sgt", "Hon", "Gov", "Sen", "Rep", "Messrs", "No", "Nos", "Nr", "no", "Fig",
			"Figs", "fig", "Tab", "Sec", "Sect", "Vol", "Ch", "Chap", "Art", "Para", "para", "Eq", "Ref", "Dept",
			"Bldg", "Rm", "Ext", "ext", "Tel", "tel", "approx", "Approx", "vs", "cf", "e.g", "i.e", "viz", "Jan",
			"Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ave", "Blvd", "pp");

	private Abbreviations() {
	}

	/** Whether the break that ICU put at {@code offset} comes right after an abbreviation or an initial. */
	static boolean endsWithAbbreviation(CharSequence text, int offset) {
		int end = offset;
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (end == 0 || text.charAt(end - 1) != '.') {
			return false;
		}
		int start = end - 1;
		while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
			start--;
		}
		while (start < end - 1 && "([{\"'\u201C\u2018".indexOf(text.charAt(start)) >= 0) {
			start++;
		}
		String word = text.subSequence(start, end - 1).toString();
		return isInitial(word) || WORDS.contains(word);
	}

	private static boolean isInitial(String word) {
		return word.length() == 1 && Character.isUpperCase(word.charAt(0));
	}

}
