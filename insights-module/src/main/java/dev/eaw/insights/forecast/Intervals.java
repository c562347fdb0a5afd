package dev.eaw.insights.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prediction intervals that widen with the horizon: σ_h² = σ₁²·(1 + g·(h−1)), where σ₁ is the robust (MAD) spread
 * of the in-sample residuals and the growth g ≥ 0 is calibrated so that the average σ_h² over the holdout matches
 * the mean squared holdout error (g = 1 is random-walk-like √h growth). Errors are measured on the log scale when
 * the series and its forecasts are positive (bands then scale with the level), otherwise on the raw scale. The
 * band is ±k·σ_h with k the normal quantile of the interval, or the empirical quantile of the scaled holdout errors
 * of the leading candidates when that is larger (heavy tails).
 */
final class Intervals {

	private Intervals() {
	}

	/** {lower, upper} for {@code forecast} at two-sided coverage {@code interval}. */
	static double[][] bands(Series series, double[] fitted, double[] forecast, Selection selection, double interval) {
		double z = Stats.normalQuantile((1 + interval) / 2);
		boolean log = series.positive() && allPositive(forecast) && allPositive(fitted)
				&& selection.forecasts().stream().allMatch(Intervals::allPositive) && allPositive(selection.trainFitted());
		double base = residualSigma(series.raw(), fitted, log);
		double trainBase = residualSigma(series.raw(), selection.trainFitted(), log);
		double squares = 0;
		double steps = 0;
		int count = 0;
		for (int w = 0; w < selection.actuals().size(); w++) {
			double[] actual = selection.actuals().get(w);
			for (int h = 0; h < actual.length; h++) {
				if (!Double.isNaN(actual[h])) {
					double e = scale(actual[h], log) - scale(selection.forecasts().get(w)[h], log);
					squares += e * e;
					steps += h;
					count++;
				}
			}
		}
		double growth = 1;
		if (count > 0 && trainBase > 0 && steps > 0) {
			growth = Math.max(0, (squares / count / (trainBase * trainBase) - 1) / (steps / count));
		}
		else if (count > 0) {
			// a one-step holdout or a perfect in-sample fit: a constant band as wide as the holdout errors
			growth = 0;
			base = Math.max(base, Math.sqrt(squares / count));
		}
		double multiplier = Math.max(z, empiricalQuantile(selection, log, base, growth, interval));
		double[] lower = new double[forecast.length];
		double[] upper = new double[forecast.length];
		for (int h = 0; h < forecast.length; h++) {
			double width = multiplier * base * Math.sqrt(1 + growth * h);
			double centre = scale(forecast[h], log);
			lower[h] = Math.min(forecast[h], log ? Math.exp(centre - width) : centre - width);
			upper[h] = Math.max(forecast[h], log ? Math.exp(centre + width) : centre + width);
		}
		return new double[][] { lower, upper };
	}

	/**
	 * The {@code interval} quantile of |holdout error| / σ_h, pooled over the best three candidates (the winner's own
	 * errors alone are flattered by having been chosen for them): when holdout errors are heavier-tailed than
	 * normal, the band uses this multiplier instead of the normal quantile.
	 */
	private static double empiricalQuantile(Selection selection, boolean log, double base, double growth,
			double interval) {
		List<Double> ratios = new ArrayList<>();
		for (List<double[]> forecasts : selection.leaders()) {
			if (log && !forecasts.stream().allMatch(Intervals::allPositive)) {
				continue;
			}
			for (int w = 0; w < selection.actuals().size(); w++) {
				double[] actual = selection.actuals().get(w);
				for (int h = 0; h < actual.length; h++) {
					double sigma = base * Math.sqrt(1 + growth * h);
					if (!Double.isNaN(actual[h]) && sigma > 0) {
						ratios.add(Math.abs(scale(actual[h], log) - scale(forecasts.get(w)[h], log)) / sigma);
					}
				}
			}
		}
		if (ratios.size() < 10) {
			return 0;
		}
		Collections.sort(ratios);
		return ratios.get(Math.min(ratios.size() - 1, (int) Math.ceil(interval * ratios.size()) - 1));
	}

	/** MAD sigma of observed − fitted, skipping the first tenth of the history (model warm-up). */
	static double residualSigma(double[] raw, double[] fitted, boolean log) {
		int from = Math.min(fitted.length / 10, Math.max(0, fitted.length - 3));
		double[] residuals = new double[fitted.length - from];
		for (int i = from; i < fitted.length; i++) {
			residuals[i - from] = Double.isNaN(raw[i]) ? Double.NaN : scale(raw[i], log) - scale(fitted[i], log);
		}
		double sigma = Stats.madSigma(residuals);
		return Double.isFinite(sigma) ? sigma : 0;
	}

	private static double scale(double value, boolean log) {
		return log ? Math.log(value) : value;
	}

	private static boolean allPositive(double[] values) {
		for (double v : values) {
			if (!(v > 0)) {
				return false;
			}
		}
		return true;
	}

}
