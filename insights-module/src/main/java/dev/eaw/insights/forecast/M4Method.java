package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * The statistical benchmarks of the M4 competition, as defined by its code (Mcompetitions/M4-methods,
 * {@code Benchmarks and Evaluation.R}, function {@code Benchmarks}): Naive1 is the last value; the others work on
 * the seasonally adjusted series (see {@link Decomposition}; positive series whose {@code season} passes the 90%
 * autocorrelation test, otherwise the series itself) and multiply the seasonal indices back: Naive2, SES, Holt,
 * Damped (see {@link Smoothing}), Theta (classic: the mean of the linear regression line and SES on the theta = 2
 * line, negative forecasts set to 0) and Comb, the mean of SES, Holt and Damped.
 */
record M4Method(Kind kind, int season) implements Method {

	/** The M4 benchmark methods. */
	enum Kind {

		NAIVE1, NAIVE2, SES, HOLT, DAMPED, THETA, COMB;

		/** Name as in M4's tables: Naive1, Naive2, SES, Holt, Damped, Theta, Comb. */
		String label() {
			return switch (this) {
				case NAIVE1, NAIVE2, HOLT, DAMPED, THETA, COMB -> name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
				case SES -> "SES";
			};
		}

	}

	static List<M4Method> all(int season) {
		return java.util.Arrays.stream(Kind.values()).map(k -> new M4Method(k, season)).toList();
	}

	@Override
	public String name() {
		return kind.label().toLowerCase(Locale.ROOT);
	}

	@Override
	public String family() {
		return "m4";
	}

	@Override
	public Fit fit(double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates) {
		int n = y.length;
		if (kind == Kind.NAIVE1) {
			return new SeasonalNaive(1).fit(y, observed, dates);
		}
		double[] index = null;
		if (Decomposition.seasonal(y, season) && positive(y)) {
			index = Decomposition.indices(y, season);
		}
		double[] adjusted = new double[n];
		for (int i = 0; i < n; i++) {
			adjusted[i] = index == null ? y[i] : y[i] / index[i % season];
		}
		Fit inner = fitAdjusted(adjusted);
		double[] indices = index;
		return new Fit() {

			@Override
			public double[] fitted() {
				return reseasonalize(inner.fitted(), 0);
			}

			@Override
			public double[] forecast(int horizon) {
				return reseasonalize(inner.forecast(horizon), n);
			}

			private double[] reseasonalize(double[] values, int offset) {
				if (indices == null) {
					return values;
				}
				double[] out = values.clone();
				for (int i = 0; i < out.length; i++) {
					out[i] *= indices[(offset + i) % season];
				}
				return out;
			}

		};
	}

	private Fit fitAdjusted(double[] y) {
		return switch (kind) {
			case NAIVE1, NAIVE2 -> new SeasonalNaive(1).fit(y, new boolean[y.length], null);
			case SES -> Smoothing.fitSes(y);
			case HOLT -> Smoothing.fitHolt(y, false);
			case DAMPED -> Smoothing.fitHolt(y, true);
			case THETA -> Theta.fit(y);
			case COMB -> mean(Smoothing.fitSes(y), Smoothing.fitHolt(y, false), Smoothing.fitHolt(y, true));
		};
	}

	private static Fit mean(Fit... fits) {
		List<Fit> members = List.of(fits);
		return new Fit() {

			@Override
			public double[] fitted() {
				return Selection.mean(members.stream().map(Fit::fitted).toList());
			}

			@Override
			public double[] forecast(int horizon) {
				return Selection.mean(members.stream().map(f -> f.forecast(horizon)).toList());
			}

		};
	}

	private static boolean positive(double[] y) {
		for (double v : y) {
			if (!(v > 0)) {
				return false;
			}
		}
		return true;
	}

}
