package dev.eaw.insights.forecast;

import java.util.Arrays;

/** Small numeric helpers: medians, robust spread, gap interpolation and the inverse normal distribution. */
final class Stats {

	private Stats() {
	}

	/** Median of the finite values, NaN when there are none. */
	static double median(double[] values) {
		double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
		if (finite.length == 0) {
			return Double.NaN;
		}
		int mid = finite.length / 2;
		return finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
	}

	/** Robust standard deviation: 1.4826 × the median absolute deviation from the median (ignores NaN). */
	static double madSigma(double[] values) {
		double median = median(values);
		double[] deviations = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			deviations[i] = Math.abs(values[i] - median);
		}
		return 1.4826 * median(deviations);
	}

	/** Copy with NaN entries filled by linear interpolation (nearest value at the edges); needs one finite value. */
	static double[] interpolate(double[] values) {
		double[] out = values.clone();
		int previous = -1;
		for (int i = 0; i < out.length; i++) {
			if (Double.isNaN(out[i])) {
				continue;
			}
			if (previous < 0) {
				Arrays.fill(out, 0, i, out[i]);
			}
			else {
				for (int j = previous + 1; j < i; j++) {
					out[j] = out[previous] + (out[i] - out[previous]) * (j - previous) / (i - previous);
				}
			}
			previous = i;
		}
		if (previous >= 0) {
			Arrays.fill(out, previous + 1, out.length, out[previous]);
		}
		return out;
	}

	/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error below 1.2e-9). */
	static double normalQuantile(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("probability must be in (0,1), got " + p);
		}
		double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
				-3.066479806614716e+01, 2.506628277459239e+00 };
		double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
				-1.328068155288572e+01 };
		double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
				4.374664141464968e+00, 2.938163982698783e+00 };
		double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
		double x;
		if (p < 0.02425) {
			double q = Math.sqrt(-2 * Math.log(p));
			x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		else if (p > 1 - 0.02425) {
			double q = Math.sqrt(-2 * Math.log(1 - p));
			x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		else {
			double q = p - 0.5;
			double r = q * q;
			x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
					/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
		}
		return x;
	}

}
