package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.eaw.insights.sql.SqlTokens.Kind;
import dev.eaw.insights.sql.SqlTokens.Token;

/**
 * Names a result column after its expression, as Snowflake does ({@code SELECT src:dealership} gives the column
 * {@code SRC:DEALERSHIP} there, {@code src:dealership} here, where unquoted names fold to lower case), instead of
 * Calcite's {@code EXPR$0}: a select item that is neither a plain or qualified name nor aliased gets
 * {@code AS "its text"}. Part of the pre-pass ({@link SnowflakeSyntax#prepare}), on the text as the user wrote it.
 */
final class ColumnNames {

	/** Words that end a select list. */
	private static final Set<String> ENDS = Set.of("from", "where", "group", "having", "order", "limit", "offset",
			"fetch", "union", "intersect", "except", "minus", "window", "qualify", "into");

	/** Words that end an expression rather than alias it. */
	private static final Set<String> NOT_ALIASES = Set.of("end", "null", "true", "false", "unknown", "and", "or", "not",
			"is", "between", "like", "ilike", "in", "as", "distinct", "all", "case", "when", "then", "else");

	/** Calcite's longest identifier. */
	private static final int MAX_LENGTH = 128;

	private ColumnNames() {
	}

	static String name(String sql) {
		List<Token> tokens = SqlTokens.tokenize(sql);
		String[] out = tokens.stream().map(Token::text).toArray(String[]::new);
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).is("select")) {
				nameList(tokens, out, i + 1);
			}
		}
		return String.join("", out);
	}

	private static void nameList(List<Token> tokens, String[] out, int from) {
		List<Integer> item = new ArrayList<>();
		int depth = 0;
		for (int i = from; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.kind() == Kind.SPACE) {
				continue;
			}
			boolean opens = token.is("(") || token.is("[") || token.is("{");
			boolean closes = token.is(")") || token.is("]") || token.is("}");
			if (depth == 0 && (closes || token.is(";") || (token.kind() == Kind.WORD
					&& ENDS.contains(token.text().toLowerCase(Locale.ROOT))))) {
				break;
			}
			if (depth == 0 && token.is(",")) {
				alias(tokens, out, item);
				item.clear();
				continue;
			}
			depth += opens ? 1 : closes ? -1 : 0;
			item.add(i);
		}
		alias(tokens, out, item);
	}

	private static void alias(List<Token> tokens, String[] out, List<Integer> item) {
		List<Integer> expression = new ArrayList<>(item);
		while (!expression.isEmpty() && (tokens.get(expression.get(0)).is("distinct") || tokens.get(expression.get(0)).is("all"))) {
			expression.remove(0);
		}
		if (expression.isEmpty() || isName(tokens, expression) || aliased(tokens, expression)) {
			return;
		}
		StringBuilder text = new StringBuilder();
		for (int i = expression.get(0); i <= expression.get(expression.size() - 1); i++) {
			text.append(tokens.get(i).kind() == Kind.SPACE ? " " : tokens.get(i).text());
		}
		String name = text.toString().strip().replaceAll(" +", " ").toLowerCase(Locale.ROOT);
		if (name.length() > MAX_LENGTH) {
			name = name.substring(0, MAX_LENGTH - 3) + "...";
		}
		name = name.replace("\"", "\"\"");
		int last = expression.get(expression.size() - 1);
		out[last] = out[last] + " AS \"" + name + "\"";
	}

	/** {@code a}, {@code t.a}, {@code "A"}, {@code *}, {@code t.*}: Calcite names these already. */
	private static boolean isName(List<Token> tokens, List<Integer> item) {
		for (int k = 0; k < item.size(); k++) {
			Token token = tokens.get(item.get(k));
			boolean ok = k % 2 == 1 ? token.is(".")
					: token.kind() == Kind.WORD || token.kind() == Kind.QUOTED || token.is("*");
			if (!ok) {
				return false;
			}
		}
		return item.size() % 2 == 1;
	}

	/** {@code expr AS x}, {@code expr x}, {@code expr "X"}. */
	private static boolean aliased(List<Token> tokens, List<Integer> item) {
		if (item.size() < 2) {
			return false;
		}
		Token last = tokens.get(item.get(item.size() - 1));
		Token before = tokens.get(item.get(item.size() - 2));
		boolean name = last.kind() == Kind.QUOTED
				|| last.kind() == Kind.WORD && !NOT_ALIASES.contains(last.text().toLowerCase(Locale.ROOT));
		if (!name) {
			return false;
		}
		return before.is("as") || before.kind() == Kind.QUOTED || before.kind() == Kind.STRING
				|| before.kind() == Kind.NUMBER || before.is(")") || before.is("]") || before.is("}")
				|| before.kind() == Kind.WORD && !NOT_ALIASES.contains(before.text().toLowerCase(Locale.ROOT));
	}

}
