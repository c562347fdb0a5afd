package dev.eaw.insights.sql;

import dev.eaw.kernel.InvalidInput;

/** SQL's {@code SIMILAR TO} and {@code LIKE} patterns as RE2 regular expressions. */
final class SqlPatterns {

	/** What RE2 reads as special but SIMILAR TO takes literally. */
	private static final String LITERAL = ".^$\\";

	private SqlPatterns() {
	}

	/** {@code LIKE}: {@code %} is any text, {@code _} any one character, everything else itself. */
	static String likeToRegex(String pattern, String escape) {
		char esc = escape(escape, "LIKE");
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == esc && !escape.isEmpty()) {
				if (++i == pattern.length()) {
					throw new InvalidInput("The LIKE pattern '" + pattern + "' ends with its escape character.");
				}
				quote(pattern.charAt(i), regex);
			}
			else if (c == '%' || c == '_') {
				regex.append(c == '%' ? ".*" : ".");
			}
			else {
				quote(c, regex);
			}
		}
		return regex.toString();
	}

	private static char escape(String escape, String operator) {
		if (escape.length() > 1) {
			throw new InvalidInput("The ESCAPE of " + operator + " is one character, not '" + escape + "'.");
		}
		return escape.isEmpty() ? '\u0000' : escape.charAt(0);
	}

	/** {@code SIMILAR TO}: LIKE's wildcards and regular expressions' {@code | * + ? {} () []}. */
	static String similarToRegex(String pattern, String escape) {
		char esc = escape(escape, "SIMILAR TO");
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
