package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.List;

/** SQL split into tokens for {@link SnowflakeSyntax}: words, quoted names, strings, numbers, punctuation, space. */
final class SqlTokens {

	enum Kind { WORD, QUOTED, STRING, NUMBER, PUNCT, SPACE }

	record Token(Kind kind, String text) {

		boolean is(String value) {
			return (kind == Kind.WORD || kind == Kind.PUNCT) && text.equalsIgnoreCase(value);
		}

	}

	private SqlTokens() {
	}

	/** Splits SQL into tokens whose texts, joined, give it back exactly. */
	static List<Token> tokenize(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			int end;
			Kind kind;
			if (Character.isWhitespace(c)) {
				end = i + 1;
				while (end < n && Character.isWhitespace(sql.charAt(end))) {
					end++;
				}
				kind = Kind.SPACE;
			}
			else if (sql.startsWith("--", i)) {
				end = sql.indexOf('\n', i);
				end = end < 0 ? n : end;
				kind = Kind.SPACE;
			}
			else if (sql.startsWith("/*", i)) {
				end = sql.indexOf("*/", i + 2);
				end = end < 0 ? n : end + 2;
				kind = Kind.SPACE;
			}
			else if (c == '\'' || c == '"') {
				end = quoted(sql, i, c);
				kind = c == '\'' ? Kind.STRING : Kind.QUOTED;
			}
			else if (sql.startsWith("$$", i)) {
				end = sql.indexOf("$$", i + 2);
				end = end < 0 ? n : end + 2;
				kind = Kind.STRING;
			}
			else if (Character.isLetter(c) || c == '_') {
				end = i + 1;
				while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$')) {
					end++;
				}
				kind = Kind.WORD;
			}
			else if (Character.isDigit(c)) {
				end = i + 1;
				while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
					end++;
				}
				kind = Kind.NUMBER;
			}
			else {
				end = i + (sql.startsWith("::", i) || sql.startsWith("=>", i) ? 2 : 1);
				kind = Kind.PUNCT;
			}
			tokens.add(new Token(kind, sql.substring(i, end)));
			i = end;
		}
		return tokens;
	}

	/** The end of a quoted string or identifier; a doubled quote stays inside it (a backslash does not escape). */
	private static int quoted(String sql, int start, char quote) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

}
