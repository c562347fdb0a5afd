package dev.eaw.web.mlops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eaw.mlops.Metric;
import dev.eaw.mlops.RunTracking;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metric histories as the pages' charts read them (JSON in a {@code data-charts} attribute): one chart per metric
 * key, one series per run, points {@code [step, value]} in logging order, non-finite values as gaps.
 */
@Component
class MetricCharts {

	private static final int MAX_POINTS = 25_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RunTracking runs;

	MetricCharts(RunTracking runs) {
		this.runs = runs;
	}

	/**
	 * {@code [{"key": "loss", "series": [{"name": "run", "data": [[0, 1.5], …]}]}, …]} for the keys and runs; a
	 * metric logged once per run has no history to draw (the tables show it) and gets no chart.
	 */
	String json(List<String> keys, List<RunRow> rows) {
		List<Map<String, Object>> charts = new ArrayList<>();
		for (String key : keys) {
			List<Map<String, Object>> series = new ArrayList<>();
			boolean history = false;
			for (RunRow row : rows) {
				if (row.metrics().containsKey(key)) {
					List<List<Object>> points = points(row.info().runId(), key);
					history |= points.size() > 1;
					series.add(Map.of("name", row.title(), "data", points));
				}
			}
			if (!history) {
				continue;
			}
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("key", key);
			chart.put("series", series);
			charts.add(chart);
		}
		return JSON.writeValueAsString(charts);
	}

	private List<List<Object>> points(String runId, String key) {
		List<List<Object>> points = new ArrayList<>();
		for (Metric metric : runs.metricHistory(runId, key, MAX_POINTS, null).items()) {
			double value = metric.value();
			points.add(Arrays.asList(metric.step(), Double.isFinite(value) ? value : null));
		}
		return points;
	}

}
