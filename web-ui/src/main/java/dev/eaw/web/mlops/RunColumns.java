package dev.eaw.web.mlops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.eaw.mlops.Metric;

/**
 * The metric, param and tag columns of the runs table, metrics first, each key once (sorted), and which of them show
 * by default: up to {@value #METRICS} metrics, then up to {@value #PARAMS} params, no tags, so that the table fits a
 * 1280 px screen. The page's column picker changes the choice (remembered in the browser per experiment).
 */
final class RunColumns {

	static final int METRICS = 5;

	static final int PARAMS = 3;

	static final String METRIC = "metrics";

	static final String PARAM = "params";

	static final String TAG = "tags";

	private RunColumns() {
	}

	/** A column: {@code kind} is metrics, params or tags; {@code shown} says whether it shows by default. */
	record Column(String kind, String key, boolean shown) {

		/** The column's name in the picker and the browser's memory: {@code metrics.accuracy}. */
		public String id() {
			return kind + "." + key;
		}

		/** The column as MLflow's search syntax names it (in an order_by clause or a filter). */
		public String field() {
			return kind + "." + FilterExample.key(key);
		}

		public boolean metric() {
			return kind.equals(METRIC);
		}

	}

	/** A header over the columns of one kind: how many there are and how many show by default. */
	record Group(String kind, String label, long total, long shown) {
	}

	static List<Group> groups(List<Column> columns) {
		List<Group> groups = new ArrayList<>();
		for (String kind : List.of(METRIC, PARAM, TAG)) {
			List<Column> mine = columns.stream().filter(c -> c.kind().equals(kind)).toList();
			groups.add(new Group(kind, "mlops.runs.columns." + kind, mine.size(),
					mine.stream().filter(Column::shown).count()));
		}
		return groups;
	}

	static List<Column> of(List<RunRow> rows) {
		Set<String> metrics = defaultMetrics(rows);
		Set<String> params = defaultParams(rows);
		List<Column> columns = new ArrayList<>();
		RunRow.metricKeys(rows).forEach(key -> columns.add(new Column(METRIC, key, metrics.contains(key))));
		RunRow.paramKeys(rows).forEach(key -> columns.add(new Column(PARAM, key, params.contains(key))));
		keys(rows, RunRow::tags).forEach(key -> columns.add(new Column(TAG, key, false)));
		return columns;
	}

	/**
	 * The metrics of the top-level runs and those of child runs (a search's candidates log their own, such as
	 * {@code validation_accuracy}) taken in turn, each side's most common first and single values (step 0) before
	 * curves (logged over steps), so that both a search's result and its candidates show.
	 */
	static Set<String> defaultMetrics(List<RunRow> rows) {
		List<String> top = rankedMetrics(rows.stream().filter(row -> row.parentRunId() == null).toList());
		List<String> children = rankedMetrics(rows.stream().filter(row -> row.parentRunId() != null).toList());
		Set<String> chosen = new LinkedHashSet<>();
		for (int i = 0; chosen.size() < METRICS && (i < top.size() || i < children.size()); i++) {
			if (i < top.size()) {
				chosen.add(top.get(i));
			}
			if (i < children.size() && chosen.size() < METRICS) {
				chosen.add(children.get(i));
			}
		}
		return chosen;
	}

	private static List<String> rankedMetrics(List<RunRow> rows) {
		Map<String, Integer> count = new HashMap<>();
		Set<String> curves = new HashSet<>();
		for (RunRow row : rows) {
			for (Metric metric : row.metrics().values()) {
				count.merge(metric.key(), 1, Integer::sum);
				if (metric.step() > 0) {
					curves.add(metric.key());
				}
			}
		}
		return count.keySet()
			.stream()
			.sorted(Comparator.<String, Boolean>comparing(curves::contains)
				.thenComparing(key -> -count.get(key))
				.thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/**
	 * The params whose values differ between the runs that have them (a search's hyperparameters, the algorithm of two
	 * trainings) before those that are the same everywhere, then the most common first.
	 */
	static Set<String> defaultParams(List<RunRow> rows) {
		Map<String, Integer> count = new HashMap<>();
		Map<String, Set<String>> values = new HashMap<>();
		for (String key : RunRow.paramKeys(rows)) {
			Set<String> seen = new HashSet<>();
			for (RunRow row : rows) {
				String value = row.params().get(key);
				if (value != null) {
					seen.add(value);
					count.merge(key, 1, Integer::sum);
				}
			}
			values.put(key, seen);
		}
		return count.keySet()
			.stream()
			.sorted(Comparator.<String, Boolean>comparing(key -> values.get(key).size() < 2)
				.thenComparing(key -> -count.get(key))
				.thenComparing(Comparator.naturalOrder()))
			.limit(PARAMS)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static List<String> keys(List<RunRow> rows, Function<RunRow, Map<String, String>> of) {
		TreeSet<String> keys = new TreeSet<>();
		rows.forEach(row -> keys.addAll(of.apply(row).keySet()));
		return List.copyOf(keys);
	}

}
