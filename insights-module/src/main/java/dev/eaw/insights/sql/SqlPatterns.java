package dev.eaw.insights.sql;

import dev.eaw.kernel.InvalidInput;

/** SQL's {@code LIKE} and {@code SIMILAR TO} patterns as RE2 regular expressions. */
final class SqlPatterns {

	/** What RE2 reads as special but SIMILAR TO takes literally. */
	private static final String LITERAL = ".^$\\";

	private SqlPatterns() {
	}

	/** {@code LIKE}: {@code %} is any text, {@code _} any one character, everything else itself. */
	static String likeToRegex(String pattern, String escape) {
		return toRegex(pattern, escape, false);
	}

	/** {@code SIMILAR TO}: LIKE's wildcards and regular expressions' {@code | * + ? {} () []}. */
	static String similarToRegex(String pattern, String escape) {
		return toRegex(pattern, escape, true);
	}

	private static String toRegex(String pattern, String escape, boolean similar) {
		String operator = similar ? "SIMILAR TO" : "LIKE";
		if (escape.length() > 1) {
			throw new InvalidInput("The ESCAPE of " + operator + " is one character, not '" + escape + "'.");
		}
		StringBuilder regex = new StringBuilder();
		boolean inBrackets = false;
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (!escape.isEmpty() && c == escape.charAt(0)) {
				if (++i == pattern.length()) {
					throw new InvalidInput("The " + operator + " pattern '" + pattern + "' ends with its escape character.");
				}
				quote(pattern.charAt(i), regex);
			}
			else if (similar && (inBrackets || c == '[')) {
				inBrackets = c != ']';
				regex.append(c == '\\' ? "\\\\" : String.valueOf(c));
			}
			else if (c == '%' || c == '_') {
				regex.append(c == '%' ? ".*" : ".");
			}
			else if (!similar || LITERAL.indexOf(c) >= 0) {
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
