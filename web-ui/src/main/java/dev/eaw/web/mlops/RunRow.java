package dev.eaw.web.mlops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.Metric;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.Tag;

/**
 * A run as the pages show it: its info with its params, latest metrics and tags by key (sorted), the system tags
 * ({@code mlflow.*}) apart from the others.
 */
record RunRow(RunInfo info, Map<String, String> params, Map<String, Metric> metrics, Map<String, String> tags,
		Map<String, String> systemTags) {

	static final String SYSTEM_PREFIX = "mlflow.";

	static final String PARENT_TAG = "mlflow.parentRunId";

	static RunRow of(Run run) {
		Map<String, String> params = new TreeMap<>();
		for (Param param : run.data().params()) {
			params.put(param.key(), param.value());
		}
		Map<String, Metric> metrics = new TreeMap<>();
		for (Metric metric : run.data().metrics()) {
			metrics.put(metric.key(), metric);
		}
		Map<String, String> tags = new TreeMap<>();
		Map<String, String> system = new TreeMap<>();
		for (Tag tag : run.data().tags()) {
			(tag.key().startsWith(SYSTEM_PREFIX) ? system : tags).put(tag.key(), tag.value());
		}
		return new RunRow(run.info(), params, metrics, tags, system);
	}

	static List<RunRow> of(List<Run> runs) {
		List<RunRow> rows = new ArrayList<>();
		runs.forEach(run -> rows.add(of(run)));
		return rows;
	}

	/** The run's name, or its id when it has none. */
	public String title() {
		return info.runName().isBlank() ? info.runId() : info.runName();
	}

	public @Nullable String parentRunId() {
		return systemTags.get(PARENT_TAG);
	}

	/**
	 * The row's value in a metric, param or tag column of the runs table ({@code ""} where it has none); metrics
	 * rounded as MLflow's runs table rounds them ({@link MlopsFormat#tableNumber}).
	 */
	public String cell(RunColumns.Column column) {
		return switch (column.kind()) {
			case RunColumns.METRIC -> {
				Metric metric = metrics.get(column.key());
				yield metric == null ? "" : MlopsFormat.tableNumber(metric.value());
			}
			case RunColumns.PARAM -> params.getOrDefault(column.key(), "");
			default -> tags.getOrDefault(column.key(), "");
		};
	}

	/** The full value of a cell, for its title: metrics with six significant digits, others as they are. */
	public String full(RunColumns.Column column) {
		Metric metric = column.metric() ? metrics.get(column.key()) : null;
		return metric == null ? cell(column) : MlopsFormat.number(metric.value());
	}

	/** The sorted union of the param keys of the runs, as MLflow's runs table has its columns. */
	static List<String> paramKeys(List<RunRow> rows) {
		TreeSet<String> keys = new TreeSet<>();
		rows.forEach(row -> keys.addAll(row.params.keySet()));
		return List.copyOf(keys);
	}

	/** The sorted union of the metric keys of the runs. */
	static List<String> metricKeys(List<RunRow> rows) {
		TreeSet<String> keys = new TreeSet<>();
		rows.forEach(row -> keys.addAll(row.metrics.keySet()));
		return List.copyOf(keys);
	}

}
