package dev.eaw.insights.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-series model choice: every candidate is fitted on the history minus its last {@code holdout} points and scored
 * by mean absolute error on those points; the mean of the best two or three candidates competes too. The winner's
 * holdout forecast and in-sample fit are kept to calibrate the prediction intervals.
 *
 * @param members the chosen candidate, or the candidates whose forecasts are averaged
 * @param actual the held-out values (NaN where missing)
 * @param holdoutForecast the winner's forecast of the held-out values
 * @param trainFitted the winner's in-sample expected values on the training part
 */
record Selection(List<Candidate> members, double[] actual, double[] holdoutForecast, double[] trainFitted) {

	private record Scored(Candidate candidate, Fit fit, double[] forecast, double error) {
	}

	static Selection choose(Series series, List<Candidate> candidates, int holdout) {
		int train = series.length() - holdout;
		Series head = series.head(train);
		double[] actual = java.util.Arrays.copyOfRange(series.raw(), train, series.length());
		List<Scored> scored = new ArrayList<>();
		for (Candidate candidate : candidates) {
			try {
				Fit fit = head.fit(candidate);
				double[] forecast = fit.forecast(holdout);
				double error = mae(actual, forecast);
				if (Double.isFinite(error)) {
					scored.add(new Scored(candidate, fit, forecast, error));
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
			double error = mae(actual, mean(top.stream().map(Scored::forecast).toList()));
			if (error < bestError) {
				bestError = error;
				best = top;
			}
		}
		return new Selection(best.stream().map(Scored::candidate).toList(), actual,
				mean(best.stream().map(Scored::forecast).toList()),
				mean(best.stream().map(s -> s.fit().fitted()).toList()));
	}

	/** Name of the choice, e.g. {@code ets(24)[log]} or {@code mean(ets(24), prophet-style)}. */
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
