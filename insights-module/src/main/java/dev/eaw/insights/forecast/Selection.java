package dev.eaw.insights.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Per-series model choice by rolling-origin holdout: every candidate is fitted on the history minus its last
 * {@code w·holdout} points and forecasts the next {@code holdout} points, for up to three windows w (a short history:
 * up to six windows whose origins are half a holdout apart; fewer than three: the fallback alone); candidates are
 * ranked by the summed mean absolute error, and the mean of the best two or three competes too. The winner's
 * holdout forecasts and in-sample fit are kept to calibrate the prediction intervals.
 *
 * @param members the chosen candidate, or the candidates whose forecasts are averaged
 * @param actuals the held-out values of each window (NaN where missing)
 * @param forecasts the winner's forecast of each window
 * @param trainFitted the winner's in-sample expected values on the training part of the latest window
 * @param leaders window forecasts of the best three single candidates (for interval calibration less flattered by
 *     the choice itself)
 */
record Selection(List<Candidate> members, List<double[]> actuals, List<double[]> forecasts, double[] trainFitted,
		List<List<double[]>> leaders) {

	static final int MAX_WINDOWS = 3;

	/**
	 * Fewer rolling-origin windows than this (origins half a holdout apart) is a short history: too little to choose
	 * by, so the fallback (M4's Comb) is used alone.
	 */
	static final int MIN_WINDOWS = 3;

	private record Scored(Candidate candidate, List<double[]> forecasts, double[] fitted, double error) {
	}

	/**
	 * @param minTrain shortest training history a window may leave (e.g. two of the longest seasons)
	 * @param fallback used alone when the history is short (fewer than {@link #MIN_WINDOWS} windows fit), or null
	 */
	static Selection choose(Series series, List<Candidate> candidates, int holdout, int minTrain,
			@Nullable Candidate fallback) {
		int n = series.length();
		int windows = 1;
		while (windows < MAX_WINDOWS && n - (windows + 1) * holdout >= minTrain) {
			windows++;
		}
		int step = holdout;
		if (windows < MAX_WINDOWS && holdout > 1) {
			// a short history: origins half a holdout apart, so that the choice rests on more than two windows
			step = (holdout + 1) / 2;
			windows = 1;
			while (windows < 2 * MAX_WINDOWS && n - windows * step - holdout >= minTrain) {
				windows++;
			}
		}
		if (windows < MIN_WINDOWS && fallback != null) {
			candidates = List.of(fallback);
		}
		List<double[]> actuals = new ArrayList<>();
		for (int w = 1; w <= windows; w++) {
			int end = n - (w - 1) * step;
			actuals.add(Arrays.copyOfRange(series.raw(), end - holdout, end));
		}
		List<Scored> scored = new ArrayList<>();
		for (Candidate candidate : candidates) {
			try {
				List<double[]> forecasts = new ArrayList<>();
				double[] fitted = new double[0];
				for (int w = 1; w <= windows; w++) {
					Fit fit = series.head(n - (w - 1) * step - holdout).fit(candidate);
					forecasts.add(fit.forecast(holdout));
					if (w == 1) {
						fitted = fit.fitted();
					}
				}
				double error = error(actuals, forecasts);
				if (Double.isFinite(error)) {
					scored.add(new Scored(candidate, forecasts, fitted, error));
				}
			}
			catch (RuntimeException ex) {
				// a candidate that cannot be fitted (e.g. a singular system) simply does not compete
			}
		}
		if (scored.isEmpty()) {
			throw new IllegalArgumentException("No forecasting method could be fitted to this series");
		}
		scored.sort(Comparator.comparingDouble(Scored::error));
		List<Scored> best = List.of(scored.get(0));
		double bestError = scored.get(0).error();
		for (int k = 2; k <= Math.min(3, scored.size()); k++) {
			List<Scored> top = scored.subList(0, k);
			double error = error(actuals, combine(top, windows));
			if (error < bestError) {
				bestError = error;
				best = top;
			}
		}
		return new Selection(best.stream().map(Scored::candidate).toList(), actuals, combine(best, windows),
				mean(best.stream().map(Scored::fitted).toList()),
				scored.stream().limit(3).map(Scored::forecasts).toList());
	}

	private static List<double[]> combine(List<Scored> members, int windows) {
		List<double[]> out = new ArrayList<>();
		for (int w = 0; w < windows; w++) {
			int window = w;
			out.add(mean(members.stream().map(s -> s.forecasts().get(window)).toList()));
		}
		return out;
	}

	static double error(List<double[]> actuals, List<double[]> forecasts) {
		double sum = 0;
		for (int w = 0; w < actuals.size(); w++) {
			sum += mae(actuals.get(w), forecasts.get(w));
		}
		return sum;
	}

	/** Name of the choice, e.g. {@code ets(24,damped)[log]} or {@code mean(ets(24), prophet-style)}. */
	String name() {
		List<String> names = members.stream().map(Candidate::name).toList();
		return names.size() == 1 ? names.get(0) : "mean(" + String.join(", ", names) + ")";
	}

	static double mae(double[] actual, double[] forecast) {
		double sum = 0;
		int count = 0;
		for (int i = 0; i < actual.length; i++) {
			if (!Double.isNaN(actual[i])) {
				sum += Math.abs(actual[i] - forecast[i]);
				count++;
			}
		}
		return count == 0 ? 0 : sum / count;
	}

	static double[] mean(List<double[]> arrays) {
		double[] out = new double[arrays.get(0).length];
		for (double[] a : arrays) {
			for (int i = 0; i < out.length; i++) {
				out[i] += a[i] / arrays.size();
			}
		}
		return out;
	}

}
