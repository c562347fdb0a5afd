package dev.eaw.insights.forecast;

import java.util.function.ToDoubleFunction;

/** Derivative-free minimizer (Nelder–Mead simplex) for the few smoothing parameters of ETS. */
final class NelderMead {

	private NelderMead() {
	}

	/** Minimizes {@code f} starting from {@code start} with initial simplex size {@code step}; returns the best point. */
	static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations) {
		int d = start.length;
		double[][] simplex = new double[d + 1][];
		double[] values = new double[d + 1];
		for (int i = 0; i <= d; i++) {
			simplex[i] = start.clone();
			if (i > 0) {
				simplex[i][i - 1] += step;
			}
			values[i] = f.applyAsDouble(simplex[i]);
		}
		int evaluations = d + 1;
		while (evaluations < maxEvaluations) {
			sort(simplex, values);
			if (Math.abs(values[d] - values[0]) <= 1e-10 * (Math.abs(values[0]) + 1e-12)) {
				break;
			}
			double[] centroid = new double[d];
			for (int i = 0; i < d; i++) {
				for (int j = 0; j < d; j++) {
					centroid[j] += simplex[i][j] / d;
				}
			}
			double[] reflected = along(centroid, simplex[d], -1);
			double fr = f.applyAsDouble(reflected);
			evaluations++;
			if (fr < values[0]) {
				double[] expanded = along(centroid, simplex[d], -2);
				double fe = f.applyAsDouble(expanded);
				evaluations++;
				replace(simplex, values, d, fe < fr ? expanded : reflected, Math.min(fe, fr));
			}
			else if (fr < values[d - 1]) {
				replace(simplex, values, d, reflected, fr);
			}
			else {
				double[] contracted = along(centroid, simplex[d], 0.5);
				double fc = f.applyAsDouble(contracted);
				evaluations++;
				if (fc < values[d]) {
					replace(simplex, values, d, contracted, fc);
				}
				else {
					for (int i = 1; i <= d; i++) {
						simplex[i] = along(simplex[0], simplex[i], 0.5);
						values[i] = f.applyAsDouble(simplex[i]);
					}
					evaluations += d;
				}
			}
		}
		sort(simplex, values);
		return simplex[0];
	}

	/** centroid + t·(point − centroid). */
	private static double[] along(double[] centroid, double[] point, double t) {
		double[] out = new double[centroid.length];
		for (int j = 0; j < out.length; j++) {
			out[j] = centroid[j] + t * (point[j] - centroid[j]);
		}
		return out;
	}

	private static void replace(double[][] simplex, double[] values, int index, double[] point, double value) {
		simplex[index] = point;
		values[index] = value;
	}

	private static void sort(double[][] simplex, double[] values) {
		for (int i = 1; i < values.length; i++) {
			for (int j = i; j > 0 && values[j] < values[j - 1]; j--) {
				double v = values[j];
				values[j] = values[j - 1];
				values[j - 1] = v;
				double[] p = simplex[j];
				simplex[j] = simplex[j - 1];
				simplex[j - 1] = p;
			}
		}
	}

}
