package dev.eaw.insights.sql;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.forecast.ForecastResult;
import dev.eaw.insights.forecast.Forecaster;

/**
 * What a SNOWFLAKE.ML model computes once at CREATE: out-of-sample evaluation metrics (a holdout of the last
 * points, forecast by {@link Forecaster} from the rest) and a feature importance (the share of the target's variance
 * each feature explains on its own: trend, calendar features, user-provided columns).
 */
final class MlMath {

	static final Forecaster FORECASTER = new Forecaster();

	private MlMath() {
	}

	/** SHOW_EVALUATION_METRICS rows: ERROR_METRIC, METRIC_VALUE, STANDARD_DEVIATION, LOGS. */
	static List<List<Object>> evaluate(List<LocalDateTime> ts, double[] y) {
		int n = y.length;
		int h = Math.max(1, Math.min(30, n / 5));
		double[] f;
		double[] lo;
		double[] hi;
		String logs = null;
		try {
			ForecastResult result = FORECASTER.forecast(ts.subList(0, n - h), Arrays.copyOf(y, n - h), h, 0.95);
			f = result.forecast();
			lo = result.lower();
			hi = result.upper();
		}
		catch (IllegalArgumentException ex) {
			f = null;
			lo = null;
			hi = null;
			logs = ex.getMessage();
		}
		Map<String, Double> metrics = new LinkedHashMap<>();
		double mae = 0, mape = 0, mse = 0, smape = 0, covered = 0, winkler = 0, mda = 0;
		int m = 0, mapeN = 0;
		for (int i = 0; f != null && i < h; i++) {
			double actual = y[n - h + i];
			if (Double.isNaN(actual)) {
				continue;
			}
			double e = actual - f[i];
			m++;
			mae += Math.abs(e);
			mse += e * e;
			if (actual != 0) {
				mape += Math.abs(e / actual);
				mapeN++;
			}
			smape += Math.abs(f[i]) + Math.abs(actual) == 0 ? 0 : 2 * Math.abs(e) / (Math.abs(f[i]) + Math.abs(actual));
			covered += actual >= lo[i] && actual <= hi[i] ? 1 : 0;
			winkler += (hi[i] - lo[i]) + (actual < lo[i] ? 2 / 0.05 * (lo[i] - actual) : 0)
					+ (actual > hi[i] ? 2 / 0.05 * (actual - hi[i]) : 0);
			double previous = y[n - h + i - 1];
			mda += Math.signum(actual - previous) == Math.signum(f[i] - previous) ? 1 : 0;
		}
		metrics.put("MAE", m == 0 ? null : mae / m);
		metrics.put("MAPE", mapeN == 0 ? null : mape / mapeN);
		metrics.put("MDA", m == 0 ? null : mda / m);
		metrics.put("MSE", m == 0 ? null : mse / m);
		metrics.put("SMAPE", m == 0 ? null : smape / m);
		metrics.put("COVERAGE_INTERVAL=0.95", m == 0 ? null : covered / m);
		metrics.put("WINKLER_ALPHA=0.05", m == 0 ? null : winkler / m);
		List<List<Object>> rows = new ArrayList<>();
		String log = logs;
		metrics.forEach((name, value) -> rows.add(Arrays.asList(name, value, null, log)));
		return rows;
	}

	/**
	 * EXPLAIN_FEATURE_IMPORTANCE rows: RANK, FEATURE_NAME, IMPORTANCE_SCORE, FEATURE_TYPE.
	 * @param exogenous the user-provided columns' values, one per point
	 */
	static List<List<Object>> importance(List<LocalDateTime> ts, double[] y, Map<String, List<Object>> exogenous) {
		Map<String, Double> r2 = new LinkedHashMap<>();
		Map<String, String> type = new HashMap<>();
		double[] index = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			index[i] = i;
		}
		r2.put("aggregated_endogenous_trend_features", linearR2(index, y));
		type.put("aggregated_endogenous_trend_features", "derived_from_endogenous");
		Duration step = y.length > 1 ? Duration.between(ts.get(0), ts.get(1)) : Duration.ofDays(1);
		if (step.toHours() < 24) {
			calendar(r2, type, "hour_of_day", ts, y, t -> t.getHour());
		}
		if (step.toDays() <= 1) {
			calendar(r2, type, "day_of_week", ts, y, t -> t.getDayOfWeek());
		}
		if (Duration.between(ts.get(0), ts.get(ts.size() - 1)).toDays() >= 365) {
			calendar(r2, type, "month", ts, y, t -> t.getMonth());
		}
		exogenous.forEach((column, values) -> {
			boolean numeric = values.stream().allMatch(v -> v == null || v instanceof Number);
			type.put(column, "user_provided");
			if (numeric) {
				double[] x = values.stream().mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray();
				r2.put(column, linearR2(x, y));
			}
			else {
				r2.put(column, groupR2(values, y));
			}
		});
		double total = r2.values().stream().mapToDouble(v -> Double.isFinite(v) ? v : 0).sum();
		List<Map.Entry<String, Double>> ranked = new ArrayList<>(r2.entrySet());
		ranked.sort((a, b) -> Double.compare(finite(b.getValue()), finite(a.getValue())));
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			String name = ranked.get(i).getKey();
			rows.add(List.of(i + 1, name, total > 0 ? finite(ranked.get(i).getValue()) / total : 0.0, type.get(name)));
		}
		return rows;
	}

	private static double finite(@Nullable Double value) {
		return value == null || !Double.isFinite(value) ? 0 : value;
	}

	private static void calendar(Map<String, Double> r2, Map<String, String> type, String name, List<LocalDateTime> ts,
			double[] y, Function<LocalDateTime, Object> key) {
		r2.put(name, groupR2(ts.stream().map(key).toList(), y));
		type.put(name, "derived_from_timestamp");
	}

	/** R² of the group means of y by a key. */
	private static double groupR2(List<?> keys, double[] y) {
		Map<Object, double[]> sums = new HashMap<>();
		double mean = 0;
		int n = 0;
		for (int i = 0; i < y.length; i++) {
			if (!Double.isNaN(y[i])) {
				double[] s = sums.computeIfAbsent(String.valueOf(keys.get(i)), k -> new double[2]);
				s[0] += y[i];
				s[1]++;
				mean += y[i];
				n++;
			}
		}
		mean /= Math.max(1, n);
		double total = 0, residual = 0;
		for (int i = 0; i < y.length; i++) {
			if (!Double.isNaN(y[i])) {
				double[] s = sums.get(String.valueOf(keys.get(i)));
				total += (y[i] - mean) * (y[i] - mean);
				residual += (y[i] - s[0] / s[1]) * (y[i] - s[0] / s[1]);
			}
		}
		return total > 0 ? 1 - residual / total : 0;
	}

	/** R² of a straight line of y on x. */
	private static double linearR2(double[] x, double[] y) {
		double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
		int n = 0;
		for (int i = 0; i < y.length; i++) {
			if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
				sx += x[i];
				sy += y[i];
				sxx += x[i] * x[i];
				syy += y[i] * y[i];
				sxy += x[i] * y[i];
				n++;
			}
		}
		double cov = sxy - sx * sy / n;
		double vx = sxx - sx * sx / n;
		double vy = syy - sy * sy / n;
		return n < 2 || vx <= 0 || vy <= 0 ? 0 : cov * cov / (vx * vy);
	}

	/** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
	static double normalCdf(double z) {
		double x = Math.abs(z) / Math.sqrt(2);
		double t = 1 / (1 + 0.3275911 * x);
		double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
				* Math.exp(-x * x);
		return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
	}

	/** The standard normal quantile, by bisection on {@link #normalCdf}. */
	static double normalQuantile(double p) {
		double lo = -10, hi = 10;
		for (int i = 0; i < 80; i++) {
			double mid = (lo + hi) / 2;
			if (normalCdf(mid) < p) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return (lo + hi) / 2;
	}

}
