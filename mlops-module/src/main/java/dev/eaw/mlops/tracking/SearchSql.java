package dev.eaw.mlops.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.ViewType;
import dev.eaw.mlops.tracking.SearchFilter.Clause;
import dev.eaw.mlops.tracking.SearchFilter.Kind;
import dev.eaw.mlops.tracking.SearchFilter.Order;

/**
 * Turns parsed MLflow filters and order-by clauses into SQL conditions and sort keys over {@code mlops.runs r} or
 * {@code mlops.experiments e}. Keys and values always travel as bind parameters; only whitelisted column names and
 * operators are spliced in.
 */
final class SearchSql {

	private static final Map<String, String> RUN_COLUMNS = Map.of("status", "r.status", "run_name", "r.name",
			"start_time", "r.start_time", "end_time", "r.end_time", "run_id", "r.run_uuid", "user_id", "r.user_id",
			"artifact_uri", "r.artifact_uri", "lifecycle_stage", "r.lifecycle_stage", "experiment_id",
			"r.experiment_id");

	private static final Map<String, String> EXPERIMENT_COLUMNS = Map.of("name", "e.name", "creation_time",
			"e.creation_time", "last_update_time", "e.last_update_time", "experiment_id", "e.experiment_id");

	/** The searchable fields of a run's dataset inputs ({@code datasets.name}, {@code datasets.context}, …). */
	private static final Map<String, String> DATASET_COLUMNS = Map.of("name", "d.name", "digest", "d.digest",
			"context", "(SELECT t ->> 'value' FROM jsonb_array_elements(d.tags::jsonb) t "
					+ "WHERE t ->> 'key' = 'mlflow.data.context' LIMIT 1)");

	/** What an experiment filter may compare, as MLflow's experiment search: these attributes and tags. */
	private static final List<String> EXPERIMENT_FILTER_KEYS = List.of("name", "creation_time", "last_update_time");

	private static final List<String> NUMERIC = List.of("start_time", "end_time", "creation_time", "last_update_time",
			"experiment_id");

	final List<String> conditions = new ArrayList<>();

	final List<String> orderBy = new ArrayList<>();

	final Map<String, Object> params = new LinkedHashMap<>();

	private final boolean runs;

	private SearchSql(boolean runs) {
		this.runs = runs;
	}

	static SearchSql forRuns(List<Clause> clauses, List<Order> orders) {
		SearchSql sql = new SearchSql(true);
		clauses.forEach(sql::condition);
		orders.forEach(sql::order);
		sql.orderBy.add("r.start_time DESC NULLS LAST");
		sql.orderBy.add("r.run_uuid ASC");
		return sql;
	}

	static SearchSql forExperiments(List<Clause> clauses, List<Order> orders) {
		SearchSql sql = new SearchSql(false);
		clauses.forEach(sql::condition);
		orders.forEach(sql::order);
		sql.orderBy.add("e.creation_time DESC");
		sql.orderBy.add("e.experiment_id DESC");
		return sql;
	}

	static String lifecycle(String column, ViewType view) {
		return switch (view) {
			case ACTIVE_ONLY -> column + " = 'active'";
			case DELETED_ONLY -> column + " = 'deleted'";
			case ALL -> "TRUE";
		};
	}

	String where() {
		return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
	}

	private void condition(Clause clause) {
		if (!runs && (clause.kind() == Kind.METRIC || clause.kind() == Kind.PARAM || clause.kind() == Kind.DATASET
				|| (clause.kind() == Kind.ATTRIBUTE && !EXPERIMENT_FILTER_KEYS.contains(clause.key())))) {
			throw TrackingError.invalid("Invalid experiment filter on '" + SearchLimits.shown(clause.key())
					+ "': experiments can be searched by name, creation_time, last_update_time and tags.<key>.");
		}
		String key = bind(clause.key());
		String value = bind(clause.value());
		switch (clause.kind()) {
			case METRIC -> conditions.add("EXISTS (SELECT 1 FROM mlops.latest_metrics m WHERE m.run_uuid = r.run_uuid"
					+ " AND m.key = :" + key + " AND NOT m.is_nan AND m.value " + numericOp(clause) + " :" + value + ")");
			case PARAM, TAG -> conditions.add("EXISTS (SELECT 1 FROM " + table(clause.kind()) + " x WHERE x."
					+ owner() + " = " + ownerColumn() + " AND x.key = :" + key + " AND x.value " + compare(clause, value)
					+ ")");
			case DATASET -> {
				String column = DATASET_COLUMNS.get(clause.key());
				if (column == null || !runs) {
					throw TrackingError.invalid("Invalid dataset key '" + SearchLimits.shown(clause.key())
							+ "' specified: datasets.name, datasets.digest and datasets.context are searchable.");
				}
				conditions.add("EXISTS (SELECT 1 FROM mlops.run_inputs d WHERE d.run_uuid = r.run_uuid AND " + column
						+ " " + compare(clause, value) + ")");
			}
			case ATTRIBUTE -> {
				String column = column(clause.key());
				if (NUMERIC.contains(clause.key())) {
					if (!(clause.value() instanceof Double number)) {
						throw TrackingError.invalid("Attribute '" + clause.key() + "' compares with numbers.");
					}
					params.put(value, number.longValue());
					conditions.add(column + " " + numericOp(clause) + " :" + value);
				}
				else {
					if (clause.value() instanceof Double) {
						throw TrackingError.invalid("Attribute '" + clause.key() + "' compares with quoted strings.");
					}
					conditions.add(column + " " + compare(clause, value));
				}
			}
		}
	}

	private void order(Order order) {
		String direction = order.ascending() ? " ASC NULLS LAST" : " DESC NULLS LAST";
		if (order.kind() == Kind.ATTRIBUTE) {
			orderBy.add(column(order.key()) + direction);
			return;
		}
		if (order.kind() == Kind.METRIC && !runs) {
			throw TrackingError.invalid("Experiments cannot be ordered by metrics.");
		}
		String key = bind(order.key());
		String table = order.kind() == Kind.METRIC ? "mlops.latest_metrics" : table(order.kind());
		orderBy.add("(SELECT x.value FROM " + table + " x WHERE x." + owner() + " = " + ownerColumn() + " AND x.key = :"
				+ key + ")" + direction);
	}

	private String column(String attribute) {
		String column = (runs ? RUN_COLUMNS : EXPERIMENT_COLUMNS).get(attribute);
		if (column == null) {
			throw TrackingError.invalid("Invalid attribute key '" + SearchLimits.shown(attribute) + "' specified.");
		}
		return column;
	}

	private String table(Kind kind) {
		if (kind == Kind.PARAM && !runs) {
			throw TrackingError.invalid("Experiments have no params to search on.");
		}
		if (kind == Kind.METRIC && !runs) {
			throw TrackingError.invalid("Experiments have no metrics to search on.");
		}
		return kind == Kind.PARAM ? "mlops.params" : runs ? "mlops.tags" : "mlops.experiment_tags";
	}

	private String owner() {
		return runs ? "run_uuid" : "experiment_id";
	}

	private String ownerColumn() {
		return runs ? "r.run_uuid" : "e.experiment_id";
	}

	private String bind(Object value) {
		String name = "p" + params.size();
		params.put(name, value);
		return name;
	}

	static String numericOp(Clause clause) {
		if (clause.op().equals("LIKE") || clause.op().equals("ILIKE") || clause.op().endsWith("IN")) {
			throw TrackingError.invalid("Invalid comparator '" + clause.op() + "' for a numeric key '"
					+ SearchLimits.shown(clause.key()) + "'.");
		}
		return clause.op().equals("!=") ? "<>" : clause.op();
	}

	/** The SQL comparison of a string with the bound value (a list for IN). */
	static String compare(Clause clause, String value) {
		return switch (clause.op()) {
			case "=" -> "= :" + value;
			case "!=" -> "<> :" + value;
			case "LIKE" -> "LIKE :" + value;
			case "ILIKE" -> "ILIKE :" + value;
			case "IN" -> "IN (:" + value + ")";
			case "NOT IN" -> "NOT IN (:" + value + ")";
			default -> throw TrackingError.invalid("Invalid comparator '" + clause.op() + "' for the string key '"
					+ SearchLimits.shown(clause.key()) + "'.");
		};
	}

}
