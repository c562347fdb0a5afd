package dev.eaw.insights.forecast;

/**
 * The classic Theta method as in M4's benchmark code ({@code Theta.classic} in Mcompetitions/M4-methods,
 * {@code Benchmarks and Evaluation.R}): the least-squares line through the series (theta line 0) and SES on the
 * theta line 2·y − line, averaged with weights ½ and ½; negative forecasts of a non-negative series become 0.
 */
final class Theta {

	private Theta() {
	}

	static Fit fit(double[] y) {
		return fit(y, Smoothing::fitSes);
	}

	/** With the SES of the theta line given (fitted α in {@link #fit(double[])}; fixed α in tests). */
	static Fit fit(double[] y, java.util.function.Function<double[], Smoothing> ses) {
		int n = y.length;
		double meanT = (n + 1) / 2.0;
		double meanY = 0;
		for (double v : y) {
			meanY += v / n;
		}
		double sxy = 0;
		double sxx = 0;
		for (int t = 1; t <= n; t++) {
			sxy += (t - meanT) * (y[t - 1] - meanY);
			sxx += (t - meanT) * (t - meanT);
		}
		double slope = sxx == 0 ? 0 : sxy / sxx;
		double intercept = meanY - slope * meanT;
		double[] line2 = new double[n];
		for (int t = 1; t <= n; t++) {
			line2[t - 1] = 2 * y[t - 1] - (intercept + slope * t);
		}
		Smoothing smoothed = ses.apply(line2);
		boolean nonNegative = java.util.Arrays.stream(y).allMatch(v -> v >= 0);
		return new Fit() {

			@Override
			public double[] fitted() {
				double[] out = new double[n];
				for (int t = 1; t <= n; t++) {
					out[t - 1] = 0.5 * smoothed.fitted()[t - 1] + 0.5 * (intercept + slope * t);
				}
				return out;
			}

			@Override
			public double[] forecast(int horizon) {
				double[] out = smoothed.forecast(horizon);
				for (int h = 1; h <= horizon; h++) {
					double value = 0.5 * out[h - 1] + 0.5 * (intercept + slope * (n + h));
					out[h - 1] = nonNegative ? Math.max(0, value) : value;
				}
				return out;
			}

		};
	}

}
