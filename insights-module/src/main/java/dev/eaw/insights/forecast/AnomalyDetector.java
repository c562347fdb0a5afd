package dev.eaw.insights.forecast;

import java.time.LocalDateTime;
import java.util.List;

/**
 * In-sample anomaly detection: a {@link ProphetStyle} regression (trend, seasonalities, holidays) is fitted, points
 * whose residual exceeds 4 robust sigmas are given weight 0 and the model is refitted, so anomalies neither bend the
 * expected curve nor widen the band. The band is expected ± z·σ with σ = 1.4826·MAD of the residuals and z the
 * normal quantile of the interval; {@code score} = |value − expected| / (z·σ).
 */
final class AnomalyDetector {

	static final String METHOD = "prophet-style (robust)";

	private AnomalyDetector() {
	}

	static AnomalyResult detect(Series series, List<LocalDateTime> ts, double[] values, double interval) {
		double[] periods = series.grid().seasonalPeriods(series.length());
		ProphetStyle regression = new ProphetStyle(periods, 10, 1);
		double[] weights = new double[series.length()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = series.observed()[i] ? 1 : 0;
		}
		double[] expected = regression.fitWeighted(series.y(), weights, series.dates()).fitted();
		double sigma = sigma(series.raw(), expected);
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] > 0 && Math.abs(series.raw()[i] - expected[i]) > 4 * sigma) {
				weights[i] = 0;
			}
		}
		expected = regression.fitWeighted(series.y(), weights, series.dates()).fitted();
		sigma = sigma(series.raw(), expected);
		if (!(sigma > 0)) {
			sigma = 1e-9 * Math.max(1, Math.abs(Stats.median(series.raw())));
		}
		double half = Stats.normalQuantile((1 + interval) / 2) * sigma;
		int n = values.length;
		double[] exp = new double[n];
		double[] lower = new double[n];
		double[] upper = new double[n];
		boolean[] anomaly = new boolean[n];
		double[] score = new double[n];
		int[] positions = series.grid().positions();
		for (int i = 0; i < n; i++) {
			exp[i] = expected[positions[i]];
			lower[i] = exp[i] - half;
			upper[i] = exp[i] + half;
			score[i] = Math.abs(values[i] - exp[i]) / half;
			anomaly[i] = score[i] > 1;
		}
		return new AnomalyResult(METHOD, List.copyOf(ts), values.clone(), exp, lower, upper, anomaly, score);
	}

	private static double sigma(double[] raw, double[] expected) {
		double[] residuals = new double[raw.length];
		for (int i = 0; i < raw.length; i++) {
			residuals[i] = raw[i] - expected[i];
		}
		return Stats.madSigma(residuals);
	}

}
