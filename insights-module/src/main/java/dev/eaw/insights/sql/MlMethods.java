package dev.eaw.insights.sql;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.MlModels.MlModel;
import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;
import dev.eaw.insights.forecast.AnomalyResult;
import dev.eaw.insights.forecast.ForecastResult;
import dev.eaw.kernel.InvalidInput;

/**
 * The methods of a stored model, with Snowflake's result columns: {@code FORECAST} (SERIES, TS, FORECAST,
 * LOWER_BOUND, UPPER_BOUND), {@code DETECT_ANOMALIES} (… Y, FORECAST, LOWER_BOUND, UPPER_BOUND, IS_ANOMALY,
 * PERCENTILE, DISTANCE), and the per-series tables computed at CREATE. SERIES is left out for a single-series model,
 * as Snowflake does. The forecasting engine has one entry point (history in, forecast out), so the stored training
 * history is what a model keeps, and FORECAST and DETECT_ANOMALIES fit on it when called. DISTANCE is the point's
 * distance from FORECAST in standard deviations of the band, PERCENTILE its normal probability.
 */
final class MlMethods {

	private final MlModel model;

	private final MlRunner.Trained trained;

	private final Runnable check;

	private final long start;

	MlMethods(MlModel model, MlRunner.Trained trained, Runnable check, long start) {
		this.model = model;
		this.trained = trained;
		this.check = check;
		this.start = start;
	}

	private boolean multi() {
		return trained.series() != null;
	}

	private List<ResultColumn> withSeries(String... specs) {
		List<ResultColumn> columns = new ArrayList<>();
		if (multi()) {
			columns.add(new ResultColumn("SERIES", "text"));
		}
		columns.addAll(MlRunner.columns(specs));
		return columns;
	}

	private List<Object> row(String series, Object... values) {
		List<Object> row = new ArrayList<>();
		if (multi()) {
			row.add(series);
		}
		row.addAll(Arrays.asList(values));
		return row;
	}

	QueryResult perSeries(Map<String, List<List<Object>>> table, List<String> specs) {
		List<List<Object>> rows = new ArrayList<>();
		table.forEach((series, list) -> list.forEach(values -> rows.add(row(series, values.toArray()))));
		return MlRunner.result(withSeries(specs.toArray(String[]::new)), rows, start, List.of());
	}

	QueryResult forecast(MlStatement statement, @Nullable QueryResult input) {
		double interval = interval(statement, 0.95);
		Map<String, List<LocalDateTime>> wanted = new HashMap<>();
		int periods;
		List<String> warnings = new ArrayList<>();
		if (input != null) {
			String ts = statement.text("TIMESTAMP_COLNAME") == null ? trained.timestamp() : statement.text("TIMESTAMP_COLNAME");
			MlData data = MlData.of(input, model.name() + "!FORECAST", ts, null, statement.text("SERIES_COLNAME") == null
					? trained.series() : statement.text("SERIES_COLNAME"), null);
			data.series().forEach((key, s) -> wanted.put(key, s.ts()));
			periods = 0;
			if (!trained.exogenous().isEmpty()) {
				warnings.add("The exogenous columns " + String.join(", ", trained.exogenous()) + " in INPUT_DATA are not "
						+ "used yet: the forecast follows the target's own history.");
			}
		}
		else {
			Object value = statement.args().get("FORECASTING_PERIODS");
			if (!(value instanceof Double number) || number < 1 || number > 10_000 || number != Math.floor(number)) {
				throw new InvalidInput(model.name() + "!FORECAST needs FORECASTING_PERIODS => a whole number from 1 to "
						+ "10000" + (trained.exogenous().isEmpty() ? "" : ", or INPUT_DATA with the future timestamps and "
								+ "exogenous values") + ".");
			}
			periods = number.intValue();
		}
		String only = seriesValue(statement);
		List<List<Object>> rows = new ArrayList<>();
		trained.points().forEach((key, points) -> {
			check.run();
			List<LocalDateTime> future = wanted.get(key);
			if ((input != null && future == null) || (only != null && !only.equals(key))) {
				return;
			}
			ForecastResult result = future == null ? MlMath.FORECASTER.forecast(points.times(), points.values(), periods, interval)
					: covering(points, future, interval);
			for (int i = 0; i < result.ts().size(); i++) {
				if (future == null || future.contains(result.ts().get(i))) {
					rows.add(row(key, text(result.ts().get(i)), finite(result.forecast()[i]), finite(result.lower()[i]),
							finite(result.upper()[i])));
				}
			}
		});
		return MlRunner.result(withSeries("TS:timestamp", "FORECAST:number", "LOWER_BOUND:number", "UPPER_BOUND:number"),
				rows, start, warnings);
	}

	QueryResult detect(MlStatement statement, QueryResult input) {
		double interval = interval(statement, 0.99);
		double z = MlMath.normalQuantile((1 + interval) / 2);
		String ts = statement.text("TIMESTAMP_COLNAME") == null ? trained.timestamp() : statement.text("TIMESTAMP_COLNAME");
		String target = statement.text("TARGET_COLNAME") == null ? trained.target() : statement.text("TARGET_COLNAME");
		String seriesColumn = statement.text("SERIES_COLNAME") == null ? trained.series() : statement.text("SERIES_COLNAME");
		MlData data = MlData.of(input, model.name() + "!DETECT_ANOMALIES", ts, target, seriesColumn, null);
		List<List<Object>> rows = new ArrayList<>();
		data.series().forEach((key, s) -> {
			check.run();
			MlRunner.Points points = trained.points().get(key);
			if (points == null) {
				throw new InvalidInput("The model " + model.name() + " was not trained on the series " + key + ".");
			}
			// the robust detector is fitted on the stored training history together with the new points (a new point
			// replaces a stored one at the same time), and only the new points are reported
			TreeMap<LocalDateTime, Double> merged = new TreeMap<>();
			List<LocalDateTime> history = points.times();
			double[] past = points.values();
			for (int i = 0; i < past.length; i++) {
				merged.put(history.get(i), past[i]);
			}
			for (int i = 0; i < s.ts().size(); i++) {
				merged.put(s.ts().get(i), s.y()[i]);
			}
			List<LocalDateTime> times = new ArrayList<>(merged.keySet());
			AnomalyResult fit = MlMath.FORECASTER.detectAnomalies(times,
					merged.values().stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray(), interval);
			for (int i = 0; i < s.ts().size(); i++) {
				double y = s.y()[i];
				int at = Collections.binarySearch(times, s.ts().get(i));
				double f = fit.expected()[at];
				double lo = fit.lower()[at];
				double hi = fit.upper()[at];
				double sigma = (hi - lo) / (2 * z);
				double distance = sigma > 0 ? (y - f) / sigma : 0;
				boolean anomaly = !Double.isNaN(y) && (y < lo || y > hi);
				rows.add(row(key, text(s.ts().get(i)), finite(y), finite(f), finite(lo), finite(hi), anomaly,
						finite(MlMath.normalCdf(distance)), finite(distance)));
			}
		});
		return MlRunner.result(withSeries("TS:timestamp", "Y:number", "FORECAST:number", "LOWER_BOUND:number",
				"UPPER_BOUND:number", "IS_ANOMALY:boolean", "PERCENTILE:number", "DISTANCE:number"), rows, start, List.of());
	}

	/** SERIES_VALUE => 'north' (or a number): forecast that series only. */
	private @Nullable String seriesValue(MlStatement statement) {
		Object value = statement.args().get("SERIES_VALUE");
		if (value == null) {
			return null;
		}
		String key = value instanceof Double number && number == Math.rint(number) ? String.valueOf(number.longValue())
				: String.valueOf(value);
		if (!trained.points().containsKey(key)) {
			throw new InvalidInput("The model " + model.name() + " has no series " + key + " (its series: "
					+ String.join(", ", trained.points().keySet()) + ").");
		}
		return key;
	}

	/** A forecast long enough to reach the last of the given future times. */
	private static ForecastResult covering(MlRunner.Points points, List<LocalDateTime> future, double interval) {
		LocalDateTime last = future.stream().max(LocalDateTime::compareTo).orElseThrow();
		int horizon = Math.max(1, future.size());
		while (true) {
			ForecastResult result = MlMath.FORECASTER.forecast(points.times(), points.values(), horizon, interval);
			if (!result.ts().get(result.ts().size() - 1).isBefore(last) || horizon >= 10_000) {
				return result;
			}
			horizon = Math.min(10_000, horizon * 2);
		}
	}

	private static double interval(MlStatement statement, double fallback) {
		Object value = statement.config().getOrDefault("prediction_interval", fallback);
		if (!(value instanceof Double interval) || !(interval > 0 && interval < 1)) {
			throw new InvalidInput("prediction_interval is a number between 0 and 1 (exclusive), e.g. 0.95, not " + value + ".");
		}
		return interval;
	}

	private static String text(LocalDateTime time) {
		return time.toString().replace('T', ' ') + (time.getSecond() == 0 && time.getNano() == 0 ? ":00" : "");
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

}
