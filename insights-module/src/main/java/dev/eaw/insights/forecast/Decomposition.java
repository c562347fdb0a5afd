package dev.eaw.insights.forecast;

/**
 * Seasonal adjustment as in the M4 competition's benchmark code (Mcompetitions/M4-methods,
 * {@code Benchmarks and Evaluation.R}: {@code SeasonalityTest} and {@code decompose(type = "multiplicative")}): a
 * series is seasonal when it has at least three seasons and its autocorrelation at lag {@code m} exceeds the 90%
 * limit 1.645/√n·√(1 + 2·Σ_{k&lt;m} r_k²); it is then divided by classical multiplicative seasonal indices (the
 * ratios to a centred moving average of {@code m} points, 2×m for even m, averaged per position in the season and
 * normalised to mean 1).
 */
final class Decomposition {

	private static final double T_CRIT = 1.645;

	private Decomposition() {
	}

	/** M4's {@code SeasonalityTest(input, ppy)}. */
	static boolean seasonal(double[] y, int m) {
		int n = y.length;
		if (m < 2 || n < 3 * m) {
			return false;
		}
		double mean = 0;
		for (double v : y) {
			mean += v / n;
		}
		double denominator = 0;
		for (double v : y) {
			denominator += (v - mean) * (v - mean);
		}
		if (denominator == 0) {
			return false;
		}
		double sumSquares = 0;
		double r = 0;
		for (int k = 1; k <= m; k++) {
			r = 0;
			for (int t = 0; t + k < n; t++) {
				r += (y[t] - mean) * (y[t + k] - mean);
			}
			r /= denominator;
			if (k < m) {
				sumSquares += r * r;
			}
		}
		return Math.abs(r) > T_CRIT / Math.sqrt(n) * Math.sqrt(1 + 2 * sumSquares);
	}

	/**
	 * Multiplicative seasonal indices by position {@code i % m} (R's {@code decompose(x, "multiplicative")$figure},
	 * aligned so that index {@code i % m} belongs to series position i). Needs positive values and two seasons.
	 */
	static double[] indices(double[] y, int m) {
		int n = y.length;
		double[] sum = new double[m];
		int[] count = new int[m];
		int half = m / 2;
		for (int t = half; t + half < n; t++) {
			double trend;
			if (m % 2 == 1) {
				trend = 0;
				for (int j = -half; j <= half; j++) {
					trend += y[t + j] / m;
				}
			}
			else {
				trend = (y[t - half] + y[t + half]) / (2.0 * m);
				for (int j = -half + 1; j < half; j++) {
					trend += y[t + j] / m;
				}
			}
			sum[t % m] += y[t] / trend;
			count[t % m]++;
		}
		double[] figure = new double[m];
		double mean = 0;
		for (int i = 0; i < m; i++) {
			figure[i] = count[i] == 0 ? 1 : sum[i] / count[i];
			mean += figure[i] / m;
		}
		for (int i = 0; i < m; i++) {
			figure[i] /= mean;
		}
		return figure;
	}

}
