package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.eaw.kernel.InvalidInput;

/**
 * The tokens of a model statement ({@link MlStatement}): quoted strings keep their quote ({@code 'a''b'} stays one
 * token), names, numbers, {@code =>} and single punctuation marks; comments are dropped.
 */
final class MlTokens {

	private final List<String> tokens;

	private int at;

	MlTokens(List<String> tokens) {
		this.tokens = tokens;
	}

	static List<String> split(String sql) {
		List<String> out = new ArrayList<>();
		int i = 0;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = end < 0 ? n : end + 1;
			}
			else if (sql.startsWith("/*", i)) {
				int end = sql.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (c == '\'' || c == '"') {
				int j = i + 1;
				while (true) {
					if (j >= n) {
						throw new IllegalArgumentException("unterminated quote");
					}
					if (sql.charAt(j) == c) {
						if (j + 1 < n && sql.charAt(j + 1) == c) {
							j += 2;
							continue;
						}
						break;
					}
					j++;
				}
				out.add(sql.substring(i, j + 1));
				i = j + 1;
			}
			else if (Character.isLetter(c) || c == '_') {
				int j = i;
				while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
					j++;
				}
				out.add(sql.substring(i, j));
				i = j;
			}
			else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
				int j = i + 1;
				while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.' || sql.charAt(j) == 'e'
						|| sql.charAt(j) == 'E')) {
					j++;
				}
				out.add(sql.substring(i, j));
				i = j;
			}
			else if (sql.startsWith("=>", i)) {
				out.add("=>");
				i += 2;
			}
			else {
				out.add(String.valueOf(c));
				i++;
			}
		}
		while (!out.isEmpty() && out.get(out.size() - 1).equals(";")) {
			out.remove(out.size() - 1);
		}
		return out;
	}

	void at(int position) {
		at = position;
	}

	String peekUpper() {
		return at < tokens.size() ? tokens.get(at).toUpperCase(Locale.ROOT) : "";
	}

	String next() {
		if (at >= tokens.size()) {
			throw new InvalidInput("The statement ends too early" + near());
		}
		return tokens.get(at++);
	}

	boolean accept(String token) {
		if (peekUpper().equals(token)) {
			at++;
			return true;
		}
		return false;
	}

	void expect(String token) {
		if (!accept(token)) {
			throw new InvalidInput("Expected " + token + near());
		}
	}

	void end() {
		if (at < tokens.size()) {
			throw new InvalidInput("Unexpected " + tokens.get(at) + near());
		}
	}

	private String near() {
		int from = Math.max(0, at - 3);
		return " near \"" + String.join(" ", tokens.subList(from, Math.min(tokens.size(), at + 2))) + "\".";
	}

	/** A model name: an identifier (lower case) or a quoted one, optionally qualified (the last part counts). */
	String name() {
		String name = identifier();
		while (accept(".")) {
			name = identifier();
		}
		return name;
	}

	private String identifier() {
		String token = next();
		if (token.startsWith("\"")) {
			return token.substring(1, token.length() - 1).replace("\"\"", "\"");
		}
		if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
			throw new InvalidInput("Expected a model name" + near());
		}
		return token.toLowerCase(Locale.ROOT);
	}

	/** A constant, an object or array constant, or an input reference. */
	Object value() {
		String token = next();
		String upper = token.toUpperCase(Locale.ROOT);
		if (token.startsWith("'")) {
			return token.substring(1, token.length() - 1).replace("''", "'");
		}
		if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '-') {
			return Double.parseDouble(token);
		}
		switch (upper) {
			case "TRUE", "FALSE" -> {
				return Boolean.valueOf(upper.equals("TRUE"));
			}
			case "NULL" -> {
				return "";
			}
			case "{" -> {
				return object();
			}
			case "[" -> {
				return array();
			}
			case "TABLE" -> {
				expect("(");
				String table = name();
				expect(")");
				return new MlStatement.InputData("SELECT * FROM " + quoted(table));
			}
			case "SYSTEM$REFERENCE" -> {
				expect("(");
				value(); // the object type: TABLE or VIEW
				expect(",");
				Object table = value();
				while (accept(",")) {
					value(); // the scope and privileges
				}
				expect(")");
				return new MlStatement.InputData("SELECT * FROM " + quoted(String.valueOf(table).toLowerCase(Locale.ROOT)));
			}
			case "SYSTEM$QUERY_REFERENCE" -> {
				expect("(");
				Object query = value();
				while (accept(",")) {
					value();
				}
				expect(")");
				return new MlStatement.InputData(String.valueOf(query));
			}
			default -> throw new InvalidInput("Unexpected " + token + near());
		}
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		if (accept("}")) {
			return map;
		}
		do {
			Object key = value();
			expect(":");
			map.put(String.valueOf(key).toLowerCase(Locale.ROOT), value());
		}
		while (accept(","));
		expect("}");
		return map;
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		if (accept("]")) {
			return list;
		}
		do {
			list.add(value());
		}
		while (accept(","));
		expect("]");
		return list;
	}

	private static String quoted(String table) {
		return '"' + table.replace("\"", "\"\"") + '"';
	}

}
