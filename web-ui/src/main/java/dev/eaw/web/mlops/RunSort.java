package dev.eaw.web.mlops;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The runs table's order: one MLflow order_by clause ({@code metrics.accuracy DESC}) sent to the run search, so the
 * server sorts across pages as MLflow's UI does (its {@code createOrderByExpression} in mlflow/mlflow,
 * mlflow/server/js/src/experiment-tracking/components/experiment-page/utils/experimentPage.fetch-utils.ts). Without
 * one, runs come newest first ({@code attributes.start_time DESC}).
 */
record RunSort(String field, boolean ascending, boolean explicit) {

	static final String START_TIME = "attributes.start_time";

	static RunSort of(@Nullable String order) {
		if (order == null || order.isBlank()) {
			return new RunSort(START_TIME, false, false);
		}
		String clause = order.strip();
		String upper = clause.toUpperCase(Locale.ROOT);
		if (upper.endsWith(" DESC")) {
			return new RunSort(clause.substring(0, clause.length() - 5).strip(), false, true);
		}
		if (upper.endsWith(" ASC")) {
			return new RunSort(clause.substring(0, clause.length() - 4).strip(), true, true);
		}
		return new RunSort(clause, true, true);
	}

	/** The order_by clauses for the run search: none when the page asked for none. */
	List<String> orderBy() {
		return explicit ? List.of(clause()) : List.of();
	}

	/** The order as the page's links carry it ({@code ""} for the default). */
	public String order() {
		return explicit ? clause() : "";
	}

	private String clause() {
		return field + (ascending ? " ASC" : " DESC");
	}

	/**
	 * The order a click on the column's header asks for: the other direction when the table is sorted by it, else
	 * descending first for metrics and times (the best or newest on top) and ascending for names and params.
	 */
	public String next(String column, boolean descendingFirst) {
		if (column.equals(field)) {
			return column + (ascending ? " DESC" : " ASC");
		}
		return column + (descendingFirst ? " DESC" : " ASC");
	}

	/** The header's {@code aria-sort}: ascending, descending or none. */
	public String aria(String column) {
		return !column.equals(field) ? "none" : ascending ? "ascending" : "descending";
	}

}
