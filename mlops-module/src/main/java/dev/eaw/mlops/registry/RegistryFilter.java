package dev.eaw.mlops.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.tracking.SearchLimits;

/**
 * The registry's search syntax turned into SQL: comparisons joined by {@code AND}, each {@code <key> <op> <value>}
 * with {@code =}, {@code !=}, {@code LIKE}, {@code ILIKE} or {@code IN ('a', 'b')} on an attribute ({@code name},
 * {@code run_id}, …) or a tag ({@code tags.k}, {@code tags.`my key`}); order-by clauses {@code <key> [ASC|DESC]}.
 */
final class RegistryFilter {

	private static final Pattern CLAUSE = Pattern.compile("\\G\\s*(?:(tags?|attributes?)\\.)?(`[^`]+`|\\w+)\\s*"
			+ "(=|!=|(?i:ilike)|(?i:like)|(?i:in))\\s*('[^']*'|\"[^\"]*\"|\\([^)]*\\)|-?\\d+)\\s*((?i:and)\\s+|$)");

	private static final Pattern ITEM = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

	private static final List<String> ORDER_KEYS = List.of("name", "version_number", "creation_timestamp",
			"last_updated_timestamp");

	/** Keys MLflow orders by but does not filter on. */
	private static final List<String> ORDER_ONLY_KEYS = List.of("creation_timestamp", "last_updated_timestamp");

	private static final Pattern ORDER = Pattern.compile("\\s*(\\w+)(?:\\s+((?i:asc)|(?i:desc)))?\\s*");

	/** The SQL condition, its named parameters and the ORDER BY list. */
	final StringBuilder where = new StringBuilder("TRUE");

	final Map<String, Object> params = new HashMap<>();

	final List<String> orderBy = new ArrayList<>();

	private final Map<String, String> columns;

	private RegistryFilter(Map<String, String> columns) {
		this.columns = columns;
	}

	/**
	 * Parses a filter over attribute {@code columns} (key → SQL column; {@code version_number} compares as a number)
	 * and tags in {@code tagCondition} (an EXISTS subquery with {@code %s} for the key/value test).
	 */
	static RegistryFilter parse(@Nullable String filter, Map<String, String> columns, String tagCondition) {
		RegistryFilter sql = new RegistryFilter(columns);
		if (filter == null || filter.isBlank()) {
			return sql;
		}
		SearchLimits.checkFilter(filter);
		Matcher matcher = CLAUSE.matcher(filter);
		int pos = 0;
		int n = 0;
		while (pos < filter.length()) {
			if (!matcher.find(pos) || matcher.start() != pos) {
				throw invalid(filter);
			}
			SearchLimits.checkClauses(n + 1);
			sql.clause(filter, matcher, n++, tagCondition);
			pos = matcher.end();
			if (!matcher.group(5).isEmpty() && pos >= filter.length()) {
				throw invalid(filter);
			}
		}
		return sql;
	}

	/** Adds order-by clauses over the attribute columns, then the {@code fallback} ones. */
	RegistryFilter orderBy(List<String> clauses, List<String> fallback) {
		SearchLimits.checkOrderBy(clauses);
		for (String clause : clauses) {
			Matcher matcher = ORDER.matcher(clause);
			String column = matcher.matches() ? columns.get(matcher.group(1).toLowerCase(Locale.ROOT)) : null;
			if (column == null || !ORDER_KEYS.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
				throw TrackingError.invalid("Invalid order by key '" + SearchLimits.shown(clause) + "' specified. "
						+ "Valid keys are 'name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'.");
			}
			boolean descending = matcher.group(2) != null && matcher.group(2).equalsIgnoreCase("desc");
			orderBy.add(column + (descending ? " DESC" : " ASC"));
		}
		orderBy.addAll(fallback);
		return this;
	}

	private void clause(String filter, Matcher matcher, int n, String tagCondition) {
		String key = matcher.group(2).replace("`", "");
		String op = matcher.group(3).toUpperCase(Locale.ROOT);
		String raw = matcher.group(4);
		Object value;
		if (op.equals("IN")) {
			if (!raw.startsWith("(")) {
				throw invalid(filter);
			}
			List<String> items = new ArrayList<>();
			Matcher item = ITEM.matcher(raw);
			while (item.find()) {
				items.add(item.group(1) != null ? item.group(1) : item.group(2));
				SearchLimits.checkValues("IN list", items.size());
			}
			if (items.isEmpty()) {
				throw invalid(filter);
			}
			value = items;
		}
		else {
			if (raw.startsWith("(")) {
				throw invalid(filter);
			}
			value = raw.startsWith("'") || raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
		}
		String sqlOp = switch (op) {
			case "!=" -> "<>";
			case "IN" -> "IN";
			default -> op;
		};
		String param = "p" + n;
		String test = sqlOp.equals("IN") ? " IN (:" + param + ")" : " " + sqlOp + " :" + param;
		if (matcher.group(1) != null && matcher.group(1).toLowerCase(Locale.ROOT).startsWith("tag")) {
			params.put("k" + n, key);
			where.append(" AND ").append(String.format(tagCondition, "t.key = :k" + n + " AND t.value" + test));
		}
		else {
			String column = ORDER_ONLY_KEYS.contains(key.toLowerCase(Locale.ROOT)) ? null
					: columns.get(key.toLowerCase(Locale.ROOT));
			if (column == null) {
				List<String> keys = columns.keySet().stream().filter(k -> !ORDER_ONLY_KEYS.contains(k)).sorted()
					.toList();
				throw TrackingError.invalid("Invalid attribute key '" + SearchLimits.shown(key) + "' specified. "
						+ "Valid keys are " + String.join(", ", keys) + " and tags.<key>; "
						+ String.join(" and ", ORDER_ONLY_KEYS) + " can only order results.");
			}
			if (key.equalsIgnoreCase("version_number")) {
				value = number(filter, value);
				if (op.contains("LIKE")) {
					throw invalid(filter);
				}
			}
			where.append(" AND ").append(column).append(test);
		}
		params.put(param, value);
	}

	private static Object number(String filter, Object value) {
		try {
			if (value instanceof List<?> items) {
				return items.stream().map(i -> Integer.parseInt(i.toString())).toList();
			}
			return Integer.parseInt(value.toString());
		}
		catch (NumberFormatException ex) {
			throw invalid(filter);
		}
	}

	private static TrackingError invalid(String filter) {
		return TrackingError.invalid("Invalid filter '" + SearchLimits.shown(filter) + "': expected comparisons such "
				+ "as name = 'x', name LIKE '%x%', run_id IN ('a', 'b') or tags.k = 'v' joined by AND.");
	}

}
