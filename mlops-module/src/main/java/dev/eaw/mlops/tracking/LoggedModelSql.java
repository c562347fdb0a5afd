package dev.eaw.mlops.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.eaw.mlops.LoggedModelSearch;
import dev.eaw.mlops.LoggedModelStatus;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.tracking.SearchFilter.Clause;
import dev.eaw.mlops.tracking.SearchFilter.Kind;
import dev.eaw.mlops.tracking.SearchFilter.Order;

/**
 * A {@code logged-models/search} as SQL over {@code mlops.logged_models lm}: the filter parsed by {@link SearchFilter}
 * (metrics compare any value logged for the model, on the request's datasets when it names some; params, tags and
 * the attributes below), order-by fields (a metric sorts by its latest value), then the newest first, as MLflow's
 * SQL store. Keys and values are bind parameters; only whitelisted columns and operators are spliced in.
 */
final class LoggedModelSql {

	private static final Map<String, String> STRING_COLUMNS = Map.of("name", "lm.name", "model_id", "lm.model_id",
			"model_type", "lm.model_type", "status", "lm.status", "source_run_id", "lm.source_run_id");

	private static final Map<String, String> NUMBER_COLUMNS = Map.of("creation_timestamp", "lm.creation_time",
			"creation_time", "lm.creation_time", "last_updated_timestamp", "lm.last_updated_time",
			"last_updated_time", "lm.last_updated_time");

	final List<String> conditions = new ArrayList<>();

	final List<String> orderBy = new ArrayList<>();

	final Map<String, Object> params = new LinkedHashMap<>();

	private LoggedModelSql() {
	}

	static LoggedModelSql of(LoggedModelSearch search) {
		SearchLimits.checkValues("datasets", search.datasets().size());
		LoggedModelSql sql = new LoggedModelSql();
		String datasets = sql.datasets(search.datasets());
		for (Clause clause : SearchFilter.parse(search.filter())) {
			sql.condition(clause, datasets);
		}
		SearchLimits.checkOrderBy(search.orderBy().stream().map(LoggedModelSearch.OrderBy::fieldName).toList());
		for (LoggedModelSearch.OrderBy order : search.orderBy()) {
			sql.order(order);
		}
		sql.orderBy.add("lm.creation_time DESC");
		sql.orderBy.add("lm.model_id ASC");
		return sql;
	}

	String where() {
		return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
	}

	private void condition(Clause clause, String datasets) {
		String key = bind(clause.key());
		switch (clause.kind()) {
			case METRIC -> {
				String value = bind(clause.value());
				conditions.add("EXISTS (SELECT 1 FROM mlops.logged_model_metrics x WHERE x.model_id = lm.model_id "
						+ "AND x.key = :" + key + " AND NOT x.is_nan AND x.value " + SearchSql.numericOp(clause) + " :" + value
						+ datasets + ")");
			}
			case PARAM, TAG -> conditions.add("EXISTS (SELECT 1 FROM " + table(clause.kind())
					+ " x WHERE x.model_id = lm.model_id AND x.key = :" + key + " AND x.value "
					+ SearchSql.compare(clause, bind(clause.value())) + ")");
			case ATTRIBUTE -> attribute(clause);
			case DATASET -> throw TrackingError.invalid("Invalid logged model filter on 'datasets."
					+ SearchLimits.shown(clause.key()) + "': pass datasets in the request's 'datasets' field.");
		}
	}

	private void attribute(Clause clause) {
		String number = NUMBER_COLUMNS.get(clause.key());
		if (number != null) {
			if (!(clause.value() instanceof Double value)) {
				throw TrackingError.invalid("Attribute '" + clause.key() + "' compares with numbers.");
			}
			conditions.add(number + " " + SearchSql.numericOp(clause) + " :" + bind(value.longValue()));
			return;
		}
		String column = STRING_COLUMNS.get(clause.key());
		if (column == null) {
			throw TrackingError.invalid("Invalid attribute key '" + SearchLimits.shown(clause.key()) + "' specified. "
					+ "Valid keys are name, model_id, model_type, status, source_run_id, creation_timestamp and "
					+ "last_updated_timestamp.");
		}
		if (clause.value() instanceof Double) {
			throw TrackingError.invalid("Attribute '" + clause.key() + "' compares with quoted strings.");
		}
		Object value = clause.value();
		if (clause.key().equals("status") && !clause.op().contains("LIKE")) {
			value = value instanceof List<?> items
					? items.stream().map(item -> LoggedModelStatus.of(item.toString()).name()).toList()
					: LoggedModelStatus.of(value.toString()).name();
		}
		conditions.add(column + " " + SearchSql.compare(clause, bind(value)));
	}

	private void order(LoggedModelSearch.OrderBy order) {
		Order field = SearchFilter.orderBy(List.of(order.fieldName())).get(0);
		String direction = order.ascending() ? " ASC NULLS LAST" : " DESC NULLS LAST";
		if (order.datasetName() != null && field.kind() != Kind.METRIC) {
			throw TrackingError.invalid("Only a metric can be ordered on a dataset, not '"
					+ SearchLimits.shown(order.fieldName()) + "'.");
		}
		switch (field.kind()) {
			case METRIC -> {
				String dataset = order.datasetName() == null ? ""
						: datasets(List.of(new LoggedModelSearch.Dataset(order.datasetName(), order.datasetDigest())));
				orderBy.add("(SELECT x.value FROM mlops.logged_model_metrics x WHERE x.model_id = lm.model_id AND "
						+ "x.key = :" + bind(field.key()) + dataset + " ORDER BY x.step DESC, x.timestamp DESC, x.id DESC "
						+ "LIMIT 1)" + direction);
			}
			case PARAM, TAG -> orderBy.add("(SELECT x.value FROM " + table(field.kind()) + " x WHERE x.model_id = "
					+ "lm.model_id AND x.key = :" + bind(field.key()) + ")" + direction);
			case ATTRIBUTE -> {
				String column = NUMBER_COLUMNS.getOrDefault(field.key(), STRING_COLUMNS.get(field.key()));
				if (column == null) {
					throw TrackingError.invalid("Invalid order by key '" + SearchLimits.shown(order.fieldName())
							+ "' specified.");
				}
				orderBy.add(column + direction);
			}
			case DATASET -> throw TrackingError.invalid("Invalid order by key '"
					+ SearchLimits.shown(order.fieldName()) + "' specified.");
		}
	}

	/** The condition on {@code x}'s dataset: any of the datasets (a digest only when given); empty for none. */
	private String datasets(List<LoggedModelSearch.Dataset> datasets) {
		if (datasets.isEmpty()) {
			return "";
		}
		List<String> any = new ArrayList<>();
		for (LoggedModelSearch.Dataset dataset : datasets) {
			String test = "x.dataset_name = :" + bind(dataset.name());
			if (dataset.digest() != null && !dataset.digest().isEmpty()) {
				test += " AND x.dataset_digest = :" + bind(dataset.digest());
			}
			any.add("(" + test + ")");
		}
		return " AND (" + String.join(" OR ", any) + ")";
	}

	private static String table(Kind kind) {
		return kind == Kind.PARAM ? "mlops.logged_model_params" : "mlops.logged_model_tags";
	}

	private String bind(Object value) {
		String name = "p" + params.size();
		params.put(name, value);
		return name;
	}

}
