package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * A method applied on the raw values or on their logarithm (only offered for strictly positive series, where it
 * turns multiplicative seasonality and growth into additive ones); forecasts are always on the original scale.
 */
record Candidate(Method method, boolean log) {

	String name() {
		return log ? method.name() + "[log]" : method.name();
	}

	Fit fit(double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates) {
		if (!log) {
			return method.fit(y, observed, dates);
		}
		double[] logged = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			logged[i] = Math.log(y[i]);
		}
		Fit inner = method.fit(logged, observed, dates);
		return new Fit() {

			@Override
			public double[] fitted() {
				return exp(inner.fitted());
			}

			@Override
			public double[] forecast(int horizon) {
				return exp(inner.forecast(horizon));
			}

		};
	}

	private static double[] exp(double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = Math.exp(Math.min(values[i], 700));
		}
		return out;
	}

}
