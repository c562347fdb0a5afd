package dev.eaw.insights.sql;

import dev.eaw.kernel.InvalidInput;

/** SQL's {@code SIMILAR TO} patterns as RE2 regular expressions. */
final class SimilarPatterns {

	/** What RE2 reads as special but SIMILAR TO takes literally. */
	private static final String LITERAL = ".^$\\";

	private SimilarPatterns() {
	}

	static String toRegex(String pattern, String escape) {
		if (escape.length() > 1) {
			throw new InvalidInput("The ESCAPE of SIMILAR TO is one character, not '" + escape + "'.");
		}
		char esc = escape.isEmpty() ? '\u0000' : escape.charAt(0);
		StringBuilder regex = new StringBuilder();
		boolean inBrackets = false;
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == esc && !escape.isEmpty()) {
				if (++i == pattern.length()) {
					throw new InvalidInput("The SIMILAR TO pattern '" + pattern + "' ends with its escape character.");
				}
				quote(pattern.charAt(i), regex);
			}
			else if (inBrackets) {
				inBrackets = c != ']';
				regex.append(c == '\\' ? "\\\\" : String.valueOf(c));
			}
			else if (c == '[') {
				inBrackets = true;
				regex.append(c);
			}
			else if (c == '%') {
				regex.append(".*");
			}
			else if (c == '_') {
				regex.append('.');
			}
			else if (LITERAL.indexOf(c) >= 0) {
				quote(c, regex);
			}
			else {
				regex.append(c);
			}
		}
		return regex.toString();
	}

	private static void quote(char c, StringBuilder regex) {
		if (Character.isLetterOrDigit(c) || Character.isWhitespace(c)) {
			regex.append(c);
		}
		else {
			regex.append('\\').append(c);
		}
	}

}
