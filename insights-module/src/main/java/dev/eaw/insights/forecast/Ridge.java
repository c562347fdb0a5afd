package dev.eaw.insights.forecast;

/** Solves the regularized normal equations (XᵀWX + Λ) β = XᵀWy by Cholesky decomposition. */
final class Ridge {

	private Ridge() {
	}

	/**
	 * Solves {@code a·x = b} for a symmetric positive-definite {@code a} (overwritten). A tiny jitter is added to the
	 * diagonal if the matrix is not numerically positive definite.
	 */
	static double[] solve(double[][] a, double[] b) {
		int p = b.length;
		double[][] l = new double[p][p];
		double jitter = 0;
		for (int attempt = 0; attempt < 6; attempt++) {
			if (cholesky(a, l, jitter)) {
				double[] z = new double[p];
				for (int i = 0; i < p; i++) {
					double s = b[i];
					for (int k = 0; k < i; k++) {
						s -= l[i][k] * z[k];
					}
					z[i] = s / l[i][i];
				}
				double[] x = new double[p];
				for (int i = p - 1; i >= 0; i--) {
					double s = z[i];
					for (int k = i + 1; k < p; k++) {
						s -= l[k][i] * x[k];
					}
					x[i] = s / l[i][i];
				}
				return x;
			}
			jitter = jitter == 0 ? 1e-9 * (trace(a) / p + 1e-12) : jitter * 100;
		}
		throw new IllegalStateException("regression matrix is singular");
	}

	private static boolean cholesky(double[][] a, double[][] l, double jitter) {
		int p = a.length;
		for (int i = 0; i < p; i++) {
			for (int j = 0; j <= i; j++) {
				double s = a[i][j] + (i == j ? jitter : 0);
				for (int k = 0; k < j; k++) {
					s -= l[i][k] * l[j][k];
				}
				if (i == j) {
					if (!(s > 0)) {
						return false;
					}
					l[i][i] = Math.sqrt(s);
				}
				else {
					l[i][j] = s / l[j][j];
				}
			}
		}
		return true;
	}

	private static double trace(double[][] a) {
		double t = 0;
		for (int i = 0; i < a.length; i++) {
			t += a[i][i];
		}
		return t;
	}

}
