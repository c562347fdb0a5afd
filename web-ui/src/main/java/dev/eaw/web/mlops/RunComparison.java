package dev.eaw.web.mlops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import dev.eaw.mlops.Metric;

/** The rows of the compare page: each param with whether the runs differ, each metric with the best run marked. */
final class RunComparison {

	private static final List<String> LOWER_IS_BETTER = List.of("loss", "error", "mse", "rmse", "mae", "mape",
			"logloss", "log_loss", "perplexity", "time", "latency");

	private RunComparison() {
	}

	/**
	 * One key's values across the runs ({@code ""} where a run has none); {@code best} is the index of the best
	 * value, or -1.
	 */
	record Row(String key, List<String> values, boolean differs, int best) {
	}

	static List<Row> params(List<RunRow> runs) {
		List<Row> rows = new ArrayList<>();
		for (String key : RunRow.paramKeys(runs)) {
			List<String> values = runs.stream().map(run -> run.params().getOrDefault(key, "")).toList();
			rows.add(new Row(key, values, new HashSet<>(values).size() > 1, -1));
		}
		return rows;
	}

	static List<Row> metrics(List<RunRow> runs) {
		List<Row> rows = new ArrayList<>();
		for (String key : RunRow.metricKeys(runs)) {
			boolean lower = lowerIsBetter(key);
			List<String> values = new ArrayList<>();
			int best = -1;
			double bestValue = Double.NaN;
			for (int i = 0; i < runs.size(); i++) {
				Metric metric = runs.get(i).metrics().get(key);
				values.add(metric == null ? "" : MlopsFormat.number(metric.value()));
				if (metric != null && !Double.isNaN(metric.value()) && (best < 0
						|| (lower ? metric.value() < bestValue : metric.value() > bestValue))) {
					best = i;
					bestValue = metric.value();
				}
			}
			rows.add(new Row(key, values, new HashSet<>(values).size() > 1, runs.size() > 1 ? best : -1));
		}
		return rows;
	}

	/** Losses and errors are better low, everything else (accuracy, AUC, F1, R²…) high. */
	static boolean lowerIsBetter(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		return LOWER_IS_BETTER.stream().anyMatch(name::contains);
	}

}
