package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * ETS(A,Ad,A) — Holt-Winters with additive damped trend (or none: ETS(A,N,A)) and additive seasonality of
 * {@code season} steps (0: no seasonality, i.e. damped Holt or simple exponential smoothing). The smoothing parameters α, β ≤ α, γ ≤ 1−α and the damping φ ∈ [0.8, 0.98] are
 * fitted by minimizing the one-step-ahead squared error with {@link NelderMead}; initial states come from the first
 * two seasons.
 */
record HoltWinters(int season, boolean trend) implements Method {

	@Override
	public String name() {
		return (season > 1 ? "ets(" + season : "ets(1") + (trend ? ",damped)" : ")");
	}

	@Override
	public String family() {
		return "ets";
	}

	@Override
	public Fit fit(double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates) {
		int m = season > 1 && y.length >= 2 * season ? season : 0;
		double[] p;
		if (trend) {
			p = params(NelderMead.minimize(x -> run(y, m, params(x, true), null), new double[] { -1, -2, -2, 1 }, 1.0,
					400), true);
		}
		else {
			double[] best = NelderMead.minimize(x -> run(y, m, params(new double[] { x[0], 0, x[1], 0 }, false), null),
					new double[] { -1, -2 }, 1.0, 200);
			p = params(new double[] { best[0], 0, best[1], 0 }, false);
		}
		double[] fitted = new double[y.length];
		State state = new State();
		run(y, m, p, fitted, state);
		return new Fit() {

			@Override
			public double[] fitted() {
				return fitted;
			}

			@Override
			public double[] forecast(int horizon) {
				double[] out = new double[horizon];
				double damp = 0;
				for (int h = 1; h <= horizon; h++) {
					damp += Math.pow(p[3], h);
					out[h - 1] = state.level + damp * state.trend
							+ (m > 0 ? state.seasonal[(y.length + h - 1) % m] : 0);
				}
				return out;
			}

		};
	}

	/** α, β, γ, φ from unconstrained coordinates. */
	private static double[] params(double[] x, boolean trend) {
		double alpha = 0.01 + 0.98 * sigmoid(x[0]);
		double beta = trend ? alpha * sigmoid(x[1]) : 0;
		double gamma = (1 - alpha) * sigmoid(x[2]);
		double phi = 0.8 + 0.18 * sigmoid(x[3]);
		return new double[] { alpha, beta, gamma, phi };
	}

	private static double sigmoid(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	/** Final states after a pass over the series. */
	private static final class State {

		double level;

		double trend;

		double[] seasonal = new double[0];

	}

	private static double run(double[] y, int m, double[] p, double @Nullable [] fitted) {
		return run(y, m, p, fitted, new State());
	}

	/** One pass of the error-correction recursions; returns the sum of squared one-step errors. */
	private static double run(double[] y, int m, double[] p, double @Nullable [] fitted, State state) {
		int n = y.length;
		double alpha = p[0];
		double beta = p[1];
		double gamma = p[2];
		double phi = p[3];
		int init = Math.max(m, 1);
		double level = 0;
		for (int i = 0; i < Math.min(init, n); i++) {
			level += y[i] / Math.min(init, n);
		}
		double trend = 0;
		if (n >= 2 * init && p[1] > 0) {
			double next = 0;
			for (int i = init; i < 2 * init; i++) {
				next += y[i] / init;
			}
			trend = (next - level) / init;
		}
		double[] s = new double[Math.max(m, 1)];
		for (int i = 0; i < m; i++) {
			s[i] = y[i] - level;
		}
		level -= trend * (init - 1) / 2.0;
		double sse = 0;
		for (int i = 0; i < n; i++) {
			double seasonal = m > 0 ? s[i % m] : 0;
			double forecast = level + phi * trend + seasonal;
			double e = y[i] - forecast;
			if (fitted != null) {
				fitted[i] = forecast;
			}
			sse += e * e;
			level = level + phi * trend + alpha * e;
			trend = phi * trend + beta * e;
			if (m > 0) {
				s[i % m] = seasonal + gamma * e;
			}
		}
		state.level = level;
		state.trend = trend;
		state.seasonal = s;
		return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
	}

}
