package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.eaw.insights.sql.SqlTokens.Kind;
import dev.eaw.insights.sql.SqlTokens.Token;

/**
 * The token-aware pre-pass for the few Snowflake forms that Calcite's Babel parser cannot read. Each is turned into
 * the Babel syntax with the same meaning; strings, quoted identifiers and comments are never touched:
 * <ul>
 * <li>{@code src:a.b[0]}, {@code v:"Name"} (the colon path) → {@code src['a']['b'][0]}, {@code v['Name']} (Babel's
 * item access; element names keep their case, as Snowflake's are case-sensitive);</li>
 * <li>{@code [1, 'a']} (an ARRAY constant) → {@code ARRAY_CONSTRUCT(1, 'a')}, {@code {'k': v}} (an OBJECT
 * constant) → {@code OBJECT_CONSTRUCT('k', v)};</li>
 * <li>{@code FROM VALUES (…), (…) [alias]} → {@code FROM (VALUES (…), (…)) alias(column1, …)};</li>
 * <li>{@code LATERAL FLATTEN(…)} → {@code LATERAL TABLE(FLATTEN(…))};</li>
 * <li>{@code DATEADD('day', …)} and the other date-part functions with a quoted part → the bare part;</li>
 * <li>{@code OUTER => TRUE} (a named argument) → {@code "outer" => TRUE}: Snowflake's argument names are
 * case-insensitive and may be SQL keywords; functions name their parameters in lower case.</li>
 * </ul>
 * First, {@link ColumnNames} names expression columns after their text, as Snowflake does. Everything else (casts
 * with {@code ::}, named arguments, functions) is parsed by Babel and mapped on the parse
 * tree ({@link SnowflakeCalls}).
 */
final class SnowflakeSyntax {

	/** Words after which a {@code [} starts an ARRAY constant rather than indexing a value. */
	private static final Set<String> KEYWORDS = Set.of("select", "where", "and", "or", "not", "then", "else", "when",
			"case", "in", "by", "on", "having", "like", "ilike", "is", "return", "values", "distinct", "all", "any",
			"some", "between", "from", "with", "as", "qualify", "limit", "offset");

	/** Words that end a {@code FROM VALUES} list instead of naming it. */
	private static final Set<String> CLAUSES = Set.of("where", "group", "order", "limit", "offset", "join", "inner",
			"left", "right", "full", "cross", "natural", "on", "using", "union", "intersect", "except", "minus",
			"having", "qualify", "window", "lateral", "fetch");

	private static final Set<String> DATE_PART_FUNCTIONS = Set.of("dateadd", "datediff", "timeadd", "timediff",
			"timestampadd", "timestampdiff");

	private final List<Token> tokens;

	private final String[] out;

	private SnowflakeSyntax(List<Token> tokens) {
		this.tokens = tokens;
		this.out = new String[tokens.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = tokens.get(i).text();
		}
	}

	/** The query with its expression columns named and the Snowflake-only forms in Babel syntax. */
	static String prepare(String sql) {
		return toBabel(ColumnNames.name(sql));
	}

	/** The Snowflake-only forms in Babel syntax; a query without them comes back unchanged. */
	static String toBabel(String sql) {
		SnowflakeSyntax pass = new SnowflakeSyntax(SqlTokens.tokenize(sql));
		pass.rewrite();
		return String.join("", pass.out);
	}

	private void rewrite() {
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.is(":") && endsValue(previous(i)) && i + 1 < tokens.size() && isName(tokens.get(i + 1))) {
				i = path(i);
			}
			else if (token.is("[") && !endsValue(previous(i))) {
				int close = matching(i, "[", "]");
				if (close > 0) {
					out[i] = "ARRAY_CONSTRUCT(";
					out[close] = ")";
				}
			}
			else if (token.is("{") && next(i) >= 0 && (tokens.get(next(i)).kind() == Kind.STRING || tokens.get(next(i)).is("}"))) {
				object(i);
			}
			else if ((token.is("from") || token.is("join")) && next(i) >= 0) {
				int at = next(i);
				boolean parenthesized = tokens.get(at).is("(");
				int keyword = parenthesized ? next(at) : at;
				if (keyword >= 0 && tokens.get(keyword).is("values") && next(keyword) >= 0
						&& tokens.get(next(keyword)).is("(")) {
					values(keyword, parenthesized ? at : -1);
				}
			}
			else if (token.is("lateral") && next(i) >= 0 && tokens.get(next(i)).is("flatten")) {
				int open = next(next(i));
				int close = open >= 0 && tokens.get(open).is("(") ? matching(open, "(", ")") : -1;
				if (close > 0) {
					out[next(i)] = "TABLE(" + out[next(i)];
					out[close] = ")" + out[close];
				}
			}
			else if (token.kind() == Kind.WORD && next(i) >= 0 && tokens.get(next(i)).is("=>")) {
				// a named argument: Snowflake's names (OUTER, PATH, MODE…) may be SQL keywords, and are case-insensitive
				out[i] = "\"" + token.text().toLowerCase(Locale.ROOT) + "\"";
			}
			else if (token.kind() == Kind.WORD && DATE_PART_FUNCTIONS.contains(token.text().toLowerCase(Locale.ROOT))
					&& next(i) >= 0 && tokens.get(next(i)).is("(")) {
				int part = next(next(i));
				if (part >= 0 && tokens.get(part).kind() == Kind.STRING && tokens.get(part).text().matches("'[A-Za-z_]+'")) {
					out[part] = tokens.get(part).text().substring(1, tokens.get(part).text().length() - 1);
				}
			}
		}
	}

	/** {@code :a.b[0]."c"} → {@code ['a']['b'][0]['c']}; returns the last token of the path. */
	private int path(int colon) {
		out[colon] = "";
		int at = colon + 1;
		out[at] = element(tokens.get(at));
		while (at + 1 < tokens.size()) {
			if (at + 2 < tokens.size() && tokens.get(at + 1).is(".") && isName(tokens.get(at + 2))) {
				out[at + 1] = "";
				out[at + 2] = element(tokens.get(at + 2));
				at += 2;
			}
			else if (tokens.get(at + 1).is("[") && matching(at + 1, "[", "]") > 0) {
				at = matching(at + 1, "[", "]"); // an index, as Babel reads it: src:vehicle[0].price
			}
			else {
				break;
			}
		}
		return at;
	}

	private static String element(Token name) {
		String key = name.kind() == Kind.QUOTED ? name.text().substring(1, name.text().length() - 1).replace("\"\"", "\"")
				: name.text();
		return "['" + key.replace("'", "''") + "']";
	}

	/** {@code {'a': 1, 'b': x}} → {@code OBJECT_CONSTRUCT('a', 1, 'b', x)}. */
	private void object(int open) {
		int close = matching(open, "{", "}");
		if (close < 0) {
			return;
		}
		out[open] = "OBJECT_CONSTRUCT(";
		out[close] = ")";
		int depth = 0;
		for (int i = open + 1; i < close; i++) {
			Token token = tokens.get(i);
			if (token.is("(") || token.is("[") || token.is("{")) {
				depth++;
			}
			else if (token.is(")") || token.is("]") || token.is("}")) {
				depth--;
			}
			else if (depth == 0 && token.is(":") && previous(i) != null && previous(i).kind() == Kind.STRING) {
				out[i] = ",";
			}
		}
	}

	/**
	 * {@code VALUES (…), (…) [AS] [alias]} → {@code (VALUES (…), (…)) alias(column1, …)}, and {@code (VALUES …)}
	 * without column names gets Snowflake's {@code column1, column2, …}.
	 */
	private void values(int keyword, int outerParen) {
		int open = next(keyword);
		int close = matching(open, "(", ")");
		if (close < 0) {
			return;
		}
		int columns = 1;
		int depth = 0;
		for (int i = open + 1; i < close; i++) {
			depth += tokens.get(i).is("(") || tokens.get(i).is("[") ? 1 : tokens.get(i).is(")") || tokens.get(i).is("]") ? -1 : 0;
			columns += depth == 0 && tokens.get(i).is(",") ? 1 : 0;
		}
		String opening = "";
		if (outerParen >= 0) {
			close = matching(outerParen, "(", ")");
			if (close < 0) {
				return;
			}
		}
		else {
			while (next(close) >= 0 && tokens.get(next(close)).is(",") && next(next(close)) >= 0
					&& tokens.get(next(next(close))).is("(")) {
				int end = matching(next(next(close)), "(", ")");
				if (end < 0) {
					return;
				}
				close = end;
			}
			opening = "(";
		}
		String closing = opening.isEmpty() ? "" : ")";
		int alias = next(close);
		if (alias >= 0 && tokens.get(alias).is("as")) {
			alias = next(alias);
		}
		boolean named = alias >= 0 && isName(tokens.get(alias))
				&& !CLAUSES.contains(tokens.get(alias).text().toLowerCase(Locale.ROOT));
		out[keyword] = opening + out[keyword];
		if (named && next(alias) >= 0 && tokens.get(next(alias)).is("(")) {
			out[close] = out[close] + closing;
			return;
		}
		List<String> names = new ArrayList<>();
		for (int c = 1; c <= columns; c++) {
			names.add("column" + c);
		}
		String list = "(" + String.join(", ", names) + ")";
		if (named) {
			out[close] = out[close] + closing;
			out[alias] = out[alias] + list;
		}
		else {
			out[close] = out[close] + closing + " AS \"values\"" + list;
		}
	}

	private static boolean isName(Token token) {
		return token.kind() == Kind.WORD || token.kind() == Kind.QUOTED;
	}

	/** Whether a token ends a value, so that {@code [} or {@code :} after it applies to that value. */
	private static boolean endsValue(Token token) {
		if (token == null) {
			return false;
		}
		return switch (token.kind()) {
			case QUOTED -> true;
			case WORD -> !KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
			case PUNCT -> token.is(")") || token.is("]");
			default -> false;
		};
	}

	private Token previous(int i) {
		for (int j = i - 1; j >= 0; j--) {
			if (tokens.get(j).kind() != Kind.SPACE) {
				return tokens.get(j);
			}
		}
		return null;
	}

	private int next(int i) {
		if (i < 0) {
			return -1;
		}
		for (int j = i + 1; j < tokens.size(); j++) {
			if (tokens.get(j).kind() != Kind.SPACE) {
				return j;
			}
		}
		return -1;
	}

	/** The token that closes the bracket opened at {@code open}, or -1. */
	private int matching(int open, String opening, String closing) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).is(opening)) {
				depth++;
			}
			else if (tokens.get(i).is(closing) && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

}
