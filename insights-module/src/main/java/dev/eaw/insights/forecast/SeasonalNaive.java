package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/** Seasonal naive: every forecast repeats the value one season earlier (plain naive when the season is 1). */
record SeasonalNaive(int season) implements Method {

	@Override
	public String name() {
		return season > 1 ? "seasonal-naive(" + season + ")" : "naive";
	}

	@Override
	public String family() {
		return "seasonal-naive";
	}

	@Override
	public Fit fit(double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates) {
		int n = y.length;
		int m = Math.min(season, n);
		return new Fit() {

			@Override
			public double[] fitted() {
				double[] out = new double[n];
				for (int i = 0; i < n; i++) {
					out[i] = i >= m ? y[i - m] : y[i];
				}
				return out;
			}

			@Override
			public double[] forecast(int horizon) {
				double[] out = new double[horizon];
				for (int h = 0; h < horizon; h++) {
					out[h] = y[n - m + h % m];
				}
				return out;
			}

		};
	}

}
