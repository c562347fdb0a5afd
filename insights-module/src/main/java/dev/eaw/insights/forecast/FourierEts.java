package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Decomposition + ETS: the seasonal (Fourier and holiday) part of a {@link ProphetStyle} fit is removed, the
 * seasonally adjusted series is forecast with damped-trend ETS, and the seasonal part is added back. Handles several
 * seasonalities at once (e.g. 24 h and 168 h) while the level follows recent data, as in STL/MSTL + ETS.
 */
record FourierEts(ProphetStyle regression, boolean trend) implements Method {

	@Override
	public String name() {
		return trend ? "fourier-ets(damped)" : "fourier-ets";
	}

	@Override
	public String family() {
		return "ets";
	}

	@Override
	public Fit fit(double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates) {
		ProphetStyle.Model model = (ProphetStyle.Model) regression.fit(y, observed, dates);
		int n = y.length;
		double[] adjusted = new double[n];
		double[] seasonal = new double[n];
		for (int i = 0; i < n; i++) {
			seasonal[i] = model.seasonal(i);
			adjusted[i] = y[i] - seasonal[i];
		}
		Fit ets = new HoltWinters(0, trend).fit(adjusted, observed, dates);
		return new Fit() {

			@Override
			public double[] fitted() {
				double[] out = ets.fitted().clone();
				for (int i = 0; i < n; i++) {
					out[i] += seasonal[i];
				}
				return out;
			}

			@Override
			public double[] forecast(int horizon) {
				double[] out = ets.forecast(horizon);
				for (int h = 0; h < horizon; h++) {
					out[h] += model.seasonal(n + h);
				}
				return out;
			}

		};
	}

}
