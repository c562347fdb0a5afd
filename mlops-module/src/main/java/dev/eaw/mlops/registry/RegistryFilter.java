package dev.eaw.mlops.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.tracking.SearchFilter;
import dev.eaw.mlops.tracking.SearchFilter.Clause;
import dev.eaw.mlops.tracking.SearchFilter.Kind;
import dev.eaw.mlops.tracking.SearchFilter.Order;
import dev.eaw.mlops.tracking.SearchLimits;

/**
 * The registry's search syntax turned into SQL, parsed by the same {@link SearchFilter} as run searches: comparisons
 * joined by {@code AND}, each {@code <key> <op> <value>} with {@code =}, {@code !=}, {@code LIKE}, {@code ILIKE},
 * {@code IN ('a', 'b')} or {@code NOT IN} on an attribute ({@code name}, {@code run_id}, …; {@code version_number}
 * also compares with {@code <}, {@code >}, …) or a tag ({@code tags.k}, {@code tags.`my key`}); order-by clauses
 * {@code <key> [ASC|DESC]}.
 */
final class RegistryFilter {

	private static final List<String> ORDER_KEYS = List.of("name", "version_number", "creation_timestamp",
			"last_updated_timestamp");

	/** Keys MLflow orders by but does not filter on. */
	private static final List<String> ORDER_ONLY_KEYS = List.of("creation_timestamp", "last_updated_timestamp");

	private static final List<String> STRING_OPS = List.of("=", "!=", "LIKE", "ILIKE", "IN", "NOT IN");

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
		List<Clause> clauses = SearchFilter.parse(filter);
		for (int n = 0; n < clauses.size(); n++) {
			sql.clause(filter, clauses.get(n), n, tagCondition);
		}
		return sql;
	}

	/** Adds order-by clauses over the attribute columns, then the {@code fallback} ones. */
	RegistryFilter orderBy(List<String> clauses, List<String> fallback) {
		SearchLimits.checkOrderBy(clauses);
		for (String clause : clauses) {
			Order order;
			try {
				order = SearchFilter.orderBy(List.of(clause)).get(0);
			}
			catch (TrackingError ex) {
				order = null;
			}
			String key = order == null ? "" : order.key().toLowerCase(Locale.ROOT);
			String column = columns.get(key);
			if (order == null || order.kind() != Kind.ATTRIBUTE || column == null || !ORDER_KEYS.contains(key)) {
				throw TrackingError.invalid("Invalid order by key '" + SearchLimits.shown(clause) + "' specified. "
						+ "Valid keys are 'name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'.");
			}
			orderBy.add(column + (order.ascending() ? " ASC" : " DESC"));
		}
		orderBy.addAll(fallback);
		return this;
	}

	private void clause(@Nullable String filter, Clause clause, int n, String tagCondition) {
		String key = clause.key();
		String op = clause.op();
		Object value = clause.value();
		String param = "p" + n;
		boolean numeric = clause.kind() == Kind.ATTRIBUTE && key.equalsIgnoreCase("version_number");
		String sqlOp = op.equals("!=") ? "<>" : op;
		String test = op.endsWith("IN") ? " " + sqlOp + " (:" + param + ")" : " " + sqlOp + " :" + param;
		if (clause.kind() == Kind.TAG) {
			checkString(filter, false, op, value);
			params.put("k" + n, key);
			where.append(" AND ").append(String.format(tagCondition, "t.key = :k" + n + " AND t.value" + test));
		}
		else if (clause.kind() == Kind.ATTRIBUTE) {
			String column = ORDER_ONLY_KEYS.contains(key.toLowerCase(Locale.ROOT)) ? null
					: columns.get(key.toLowerCase(Locale.ROOT));
			if (column == null) {
				List<String> keys = columns.keySet().stream().filter(k -> !ORDER_ONLY_KEYS.contains(k)).sorted()
					.toList();
				throw TrackingError.invalid("Invalid attribute key '" + SearchLimits.shown(key) + "' specified. "
						+ "Valid keys are " + String.join(", ", keys) + " and tags.<key>; "
						+ String.join(" and ", ORDER_ONLY_KEYS) + " can only order results.");
			}
			checkString(filter, numeric, op, value);
			if (numeric) {
				if (op.contains("LIKE")) {
					throw invalid(filter);
				}
				value = number(filter, value);
			}
			where.append(" AND ").append(column).append(test);
		}
		else {
			throw invalid(filter);
		}
		params.put(param, value);
	}

	private static void checkString(@Nullable String filter, boolean numeric, String op, Object value) {
		if (!numeric && (!STRING_OPS.contains(op) || value instanceof Double)) {
			throw invalid(filter);
		}
	}

	private static Object number(@Nullable String filter, Object value) {
		try {
			if (value instanceof List<?> items) {
				return items.stream().map(i -> Integer.parseInt(i.toString())).toList();
			}
			if (value instanceof Double number && number == Math.rint(number)) {
				return number.intValue();
			}
			return Integer.parseInt(value.toString());
		}
		catch (NumberFormatException ex) {
			throw invalid(filter);
		}
	}

	private static TrackingError invalid(@Nullable String filter) {
		return TrackingError.invalid("Invalid filter '" + SearchLimits.shown(String.valueOf(filter)) + "': expected "
				+ "comparisons such as name = 'x', name LIKE '%x%', run_id IN ('a', 'b') or tags.k = 'v' joined by AND.");
	}

}
