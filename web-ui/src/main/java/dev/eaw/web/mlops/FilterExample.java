package dev.eaw.web.mlops;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.Metric;

/**
 * The filter field's example, made from the runs shown so that it finds at least one of them: the first shown metric
 * above a round number at or below its best value ({@code metrics.accuracy > 0.8}), and the first shown param's value
 * in that same run ({@code AND params.algorithm = 'cart'}). Null when the runs have neither.
 */
final class FilterExample {

	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_.]+");

	private static final int LONGEST_VALUE = 40;

	private FilterExample() {
	}

	static @Nullable String of(List<RunRow> rows, List<RunColumns.Column> columns) {
		RunRow best = null;
		String metricClause = null;
		for (RunColumns.Column column : columns) {
			if (!column.metric() || !column.shown() || column.key().contains("`")) {
				continue;
			}
			for (RunRow row : rows) {
				Metric metric = row.metrics().get(column.key());
				if (metric != null && Double.isFinite(metric.value())
						&& (best == null || metric.value() > best.metrics().get(column.key()).value())) {
					best = row;
				}
			}
			if (best != null) {
				metricClause = column.field() + " " + above(best.metrics().get(column.key()).value());
				break;
			}
		}
		for (RunColumns.Column column : columns) {
			if (!column.kind().equals(RunColumns.PARAM) || !column.shown() || column.key().contains("`")) {
				continue;
			}
			for (RunRow row : best == null ? rows : List.of(best)) {
				String value = row.params().get(column.key());
				if (value != null && !value.isEmpty() && value.length() <= LONGEST_VALUE && value.indexOf('\'') < 0
						&& value.indexOf('"') < 0) {
					String paramClause = column.field() + " = '" + value + "'";
					return metricClause == null ? paramClause : metricClause + " AND " + paramClause;
				}
			}
		}
		return metricClause;
	}

	/** {@code > t} with {@code t} the value rounded down to one significant digit, or {@code >= t} when that is it. */
	static String above(double value) {
		BigDecimal round = new BigDecimal(value).round(new MathContext(1, RoundingMode.FLOOR)).stripTrailingZeros();
		// compared as the search compares them, as doubles: 0.8 is not above the logged 0.8
		return (round.doubleValue() < value ? "> " : ">= ") + round.toPlainString();
	}

	/** A key as MLflow's search syntax takes it: bare when plain, else in backticks. */
	static String key(String key) {
		return PLAIN_KEY.matcher(key).matches() ? key : "`" + key + "`";
	}

}
