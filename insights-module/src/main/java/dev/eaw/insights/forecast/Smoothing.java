package dev.eaw.insights.forecast;

/**
 * Exponential smoothing without seasonality, as used by the M4 competition's benchmarks (SES, Holt, damped Holt):
 * level ℓ, trend b and damping φ with the error-correction recursions ŷ(t) = ℓ + φb, ℓ ← ℓ + φb + αe,
 * b ← φb + βe; the h-step forecast is ℓ + (φ + … + φ^h)·b. Initial states are the simple ones of Hyndman &amp;
 * Athanasopoulos, <i>Forecasting: Principles and Practice</i> §8.2: ℓ₀ = y₁, b₀ = y₂ − y₁. Parameters are fitted by
 * minimizing the one-step squared error with {@link NelderMead}.
 *
 * @param fitted one-step-ahead expected values over the history
 * @param level final level
 * @param trend final trend (0 for SES)
 * @param phi damping (1: Holt's linear trend)
 */
record Smoothing(double[] fitted, double level, double trend, double phi) implements Fit {

	/** Simple exponential smoothing with a fixed α. */
	static Smoothing ses(double[] y, double alpha) {
		return run(y, alpha, 0, 1, false);
	}

	/** Holt's linear (φ = 1) or damped (φ &lt; 1) trend method with fixed parameters. */
	static Smoothing holt(double[] y, double alpha, double beta, double phi) {
		return run(y, alpha, beta, phi, true);
	}

	/** SES with α ∈ [0.01, 0.99] fitted to the series. */
	static Smoothing fitSes(double[] y) {
		double[] x = NelderMead.minimize(p -> sse(y, ses(y, alpha(p[0]))), new double[] { 0 }, 1.0, 100);
		return ses(y, alpha(x[0]));
	}

	/** Holt (φ = 1) or damped Holt (φ ∈ [0.8, 0.98]) with α and β ≤ α fitted to the series. */
	static Smoothing fitHolt(double[] y, boolean damped) {
		double[] x = NelderMead.minimize(p -> sse(y, holt(y, alpha(p[0]), beta(p), damped ? phi(p[2]) : 1)),
				new double[] { 0, -2, 1 }, 1.0, damped ? 300 : 200);
		return holt(y, alpha(x[0]), beta(x), damped ? phi(x[2]) : 1);
	}

	@Override
	public double[] forecast(int horizon) {
		double[] out = new double[horizon];
		double damp = 0;
		for (int h = 1; h <= horizon; h++) {
			damp += Math.pow(phi, h);
			out[h - 1] = level + damp * trend;
		}
		return out;
	}

	private static Smoothing run(double[] y, double alpha, double beta, double phi, boolean trended) {
		double level = y[0];
		double trend = trended && y.length > 1 ? y[1] - y[0] : 0;
		double[] fitted = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			fitted[i] = level + phi * trend;
			double e = y[i] - fitted[i];
			level = fitted[i] + alpha * e;
			trend = phi * trend + beta * e;
		}
		return new Smoothing(fitted, level, trend, phi);
	}

	private static double sse(double[] y, Smoothing s) {
		double sum = 0;
		for (int i = 1; i < y.length; i++) {
			double e = y[i] - s.fitted()[i];
			sum += e * e;
		}
		return Double.isFinite(sum) ? sum : Double.MAX_VALUE;
	}

	private static double alpha(double x) {
		return 0.01 + 0.98 / (1 + Math.exp(-x));
	}

	private static double beta(double[] x) {
		return alpha(x[0]) / (1 + Math.exp(-x[1]));
	}

	private static double phi(double x) {
		return 0.8 + 0.18 / (1 + Math.exp(-x));
	}

}
