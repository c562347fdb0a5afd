package dev.eaw.mlops.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.TrackingError;

/**
 * MLflow's search syntax: a filter is comparisons joined by {@code AND}, each {@code <entity>.<key> <op> <value>}
 * ({@code metrics.acc > 0.5}, {@code params.p = 'v'}, {@code tags.`my tag` LIKE 'a%'},
 * {@code attributes.status = 'FINISHED'}); an order-by clause is {@code <entity>.<key> [ASC|DESC]}. A key without
 * an entity is an attribute ({@code name = 'x'} for experiments). String literals are SQL's: a doubled quote inside
 * stands for one ({@code 'O''Brien'}), and so does a doubled backquote inside a backquoted key. Runs, experiments,
 * logged models and the registry all parse their filters here.
 */
public final class SearchFilter {

	/** What a key names. */
	public enum Kind {

		METRIC, PARAM, TAG, ATTRIBUTE, DATASET

	}

	/** One comparison; {@code value} is a Double for numbers, a List of Strings for IN, a String otherwise. */
	public record Clause(Kind kind, String key, String op, Object value) {
	}

	/** One order-by clause. */
	public record Order(Kind kind, String key, boolean ascending) {
	}

	private final String text;

	private int pos;

	private SearchFilter(String text) {
		this.text = text;
	}

	public static List<Clause> parse(@Nullable String filter) {
		if (filter == null || filter.isBlank()) {
			return List.of();
		}
		SearchLimits.checkFilter(filter);
		SearchFilter parser = new SearchFilter(filter);
		List<Clause> clauses = new ArrayList<>();
		while (true) {
			clauses.add(parser.clause());
			SearchLimits.checkClauses(clauses.size());
			parser.skipSpace();
			if (parser.atEnd()) {
				return clauses;
			}
			String and = parser.word();
			if (!and.equalsIgnoreCase("AND")) {
				throw invalid(filter, "expected AND but found '" + and + "'");
			}
		}
	}

	public static List<Order> orderBy(List<String> clauses) {
		SearchLimits.checkOrderBy(clauses);
		List<Order> orders = new ArrayList<>();
		for (String clause : clauses) {
			SearchFilter parser = new SearchFilter(clause);
			String[] entityAndKey = parser.identifier();
			parser.skipSpace();
			boolean ascending = true;
			if (!parser.atEnd()) {
				String direction = parser.word().toUpperCase(Locale.ROOT);
				if (!direction.equals("ASC") && !direction.equals("DESC")) {
					throw TrackingError.invalid("Invalid order_by clause '" + SearchLimits.shown(clause) + "'.");
				}
				ascending = direction.equals("ASC");
			}
			parser.skipSpace();
			if (!parser.atEnd()) {
				throw TrackingError.invalid("Invalid order_by clause '" + SearchLimits.shown(clause) + "'.");
			}
			orders.add(new Order(kind(entityAndKey[0], clause), entityAndKey[1], ascending));
		}
		return orders;
	}

	private Clause clause() {
		String[] entityAndKey = identifier();
		Kind kind = kind(entityAndKey[0], text);
		skipSpace();
		String op = operator();
		skipSpace();
		Object value;
		char c = peek();
		if (op.endsWith("IN")) {
			value = list();
		}
		else if (c == '\'' || c == '"') {
			value = quoted();
		}
		else {
			String number = word();
			try {
				value = Double.valueOf(number);
			}
			catch (NumberFormatException ex) {
				throw invalid(text, "expected a quoted string or a number but found '" + number + "'");
			}
		}
		if (kind == Kind.METRIC && !(value instanceof Double)) {
			throw invalid(text, "metric values must be numbers");
		}
		if ((kind == Kind.PARAM || kind == Kind.TAG || kind == Kind.DATASET) && value instanceof Double) {
			throw invalid(text, "param and tag values must be quoted strings");
		}
		return new Clause(kind, entityAndKey[1], op, value);
	}

	/** {@code entity.key}, {@code entity.`key`}, {@code entity."key"} or a bare key: answers {entity, key}. */
	private String[] identifier() {
		skipSpace();
		int start = pos;
		while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
			pos++;
		}
		String first = text.substring(start, pos);
		if (!atEnd() && peek() == '.') {
			pos++;
			char c = peek();
			String key;
			if (c == '`' || c == '"' || c == '\'') {
				key = quoted();
			}
			else {
				int keyStart = pos;
				while (!atEnd() && !Character.isWhitespace(peek()) && "=!<>".indexOf(peek()) < 0) {
					pos++;
				}
				key = text.substring(keyStart, pos);
			}
			return new String[] { first, key };
		}
		if (first.isEmpty() && !atEnd() && peek() == '`') {
			return new String[] { "", quoted() };
		}
		if (first.isEmpty()) {
			throw invalid(text, "expected an identifier");
		}
		return new String[] { "", first };
	}

	private String operator() {
		int start = pos;
		while (!atEnd() && "=!<>".indexOf(peek()) >= 0) {
			pos++;
		}
		String op = text.substring(start, pos);
		if (op.isEmpty()) {
			op = letters().toUpperCase(Locale.ROOT);
			if (op.equals("NOT")) {
				skipSpace();
				op = "NOT " + letters().toUpperCase(Locale.ROOT);
			}
		}
		if (List.of("=", "!=", "<", "<=", ">", ">=", "LIKE", "ILIKE", "IN", "NOT IN").contains(op)) {
			return op;
		}
		throw invalid(text, "unsupported comparison '" + op + "'");
	}

	/** {@code ('a', 'b', …)}: the quoted strings of an IN comparison. */
	private List<String> list() {
		if (peek() != '(') {
			throw invalid(text, "IN takes a parenthesised list of quoted strings");
		}
		pos++;
		List<String> values = new ArrayList<>();
		while (true) {
			skipSpace();
			char c = peek();
			if (c != '\'' && c != '"') {
				throw invalid(text, "IN takes a parenthesised list of quoted strings");
			}
			values.add(quoted());
			SearchLimits.checkValues("IN list", values.size());
			skipSpace();
			char next = atEnd() ? '\0' : text.charAt(pos++);
			if (next == ')') {
				return values;
			}
			if (next != ',') {
				throw invalid(text, "expected ',' or ')' in the IN list");
			}
		}
	}

	private String letters() {
		int start = pos;
		while (!atEnd() && Character.isLetter(peek())) {
			pos++;
		}
		return text.substring(start, pos);
	}

	private String quoted() {
		char quote = text.charAt(pos++);
		StringBuilder value = new StringBuilder();
		while (!atEnd()) {
			char c = text.charAt(pos++);
			if (c == quote) {
				if (atEnd() || peek() != quote) {
					return value.toString();
				}
				pos++;
			}
			value.append(c);
		}
		throw invalid(text, "unterminated quote");
	}

	private String word() {
		skipSpace();
		int start = pos;
		while (!atEnd() && !Character.isWhitespace(peek())) {
			pos++;
		}
		return text.substring(start, pos);
	}

	private static Kind kind(String entity, String text) {
		return switch (entity.toLowerCase(Locale.ROOT)) {
			case "metric", "metrics" -> Kind.METRIC;
			case "param", "params", "parameter", "parameters" -> Kind.PARAM;
			case "tag", "tags" -> Kind.TAG;
			case "dataset", "datasets" -> Kind.DATASET;
			case "", "attribute", "attributes", "attr", "run" -> Kind.ATTRIBUTE;
			default -> throw invalid(text, "unknown entity '" + entity + "'");
		};
	}

	private void skipSpace() {
		while (!atEnd() && Character.isWhitespace(peek())) {
			pos++;
		}
	}

	private boolean atEnd() {
		return pos >= text.length();
	}

	private char peek() {
		return atEnd() ? '\0' : text.charAt(pos);
	}

	private static TrackingError invalid(String filter, String why) {
		return TrackingError.invalid("Invalid filter '" + SearchLimits.shown(filter) + "': " + why + ".");
	}

}
