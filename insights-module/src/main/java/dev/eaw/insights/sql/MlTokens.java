package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.eaw.kernel.InvalidInput;

/**
 * Reads the tokens of a model statement ({@link MlStatement}): names, constants, {@code {…}}/{@code […]} constants and
 * the INPUT_DATA references.
 */
final class MlTokens {

	private final List<String> tokens;

	private int at;

	MlTokens(List<String> tokens) {
		this.tokens = tokens;
	}

	/** The tokens of {@link SqlTokens} without space and comments; a statement's closing semicolons are dropped. */
	static List<String> split(String sql) {
		List<String> out = new ArrayList<>();
		for (SqlTokens.Token token : SqlTokens.tokenize(sql)) {
			if (token.kind() != SqlTokens.Kind.SPACE) {
				out.add(token.text());
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
		if (token.startsWith("'") && token.length() > 1 && token.endsWith("'")) {
			return token.substring(1, token.length() - 1).replace("''", "'");
		}
		if (token.startsWith("$$") && token.length() > 3 && token.endsWith("$$")) {
			return token.substring(2, token.length() - 2);
		}
		if (token.equals("-")) {
			return -number(next());
		}
		if (Character.isDigit(token.charAt(0))) {
			return number(token);
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

	private double number(String token) {
		try {
			return Double.parseDouble(token);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("'" + token + "' is not a number" + near());
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
