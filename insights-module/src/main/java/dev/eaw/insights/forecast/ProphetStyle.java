package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Prophet-style decomposable regression: y(t) = piecewise-linear trend + Fourier seasonalities + holiday effects.
 * The trend has up to 25 candidate changepoints spread over the first 80% of the history, whose slope changes carry
 * an L2 (ridge) penalty; each seasonal period gets sine/cosine pairs (up to order 10, or 30 when a shorter period
 * divides it, e.g. 168 h over 24 h, skipping harmonics the shorter period already has) and
 * daily series get one dummy per US federal holiday seen in the history. Fitted by weighted ridge least squares
 * on the standardized series; unobserved positions get weight 0. Forecasts continue the last trend slope, damped
 * by φ per step when {@code damping} < 1.
 *
 * @param periods seasonal periods in steps
 * @param changepointPenalty ridge penalty on the slope changes (larger: stiffer trend)
 * @param damping per-step damping φ of the final trend slope in forecasts (1: Prophet's straight continuation)
 */
record ProphetStyle(double[] periods, double changepointPenalty, double damping) implements Method {

	static final int CHANGEPOINTS = 25;

	@Override
	public String name() {
		return damping < 1 ? "prophet-style(damped)" : "prophet-style";
	}

	@Override
	public String family() {
		return "prophet-style";
	}

	@Override
	public Fit fit(double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates) {
		double[] weights = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			weights[i] = observed[i] ? 1 : 0;
		}
		return fitWeighted(y, weights, dates);
	}

	/** Fits with a weight per position (0 = ignore), e.g. to down-weight outliers. */
	Model fitWeighted(double[] y, double[] weights, @Nullable IntFunction<LocalDate> dates) {
		Design design = new Design(y.length, dates);
		double mean = 0;
		double total = 0;
		for (int i = 0; i < y.length; i++) {
			mean += weights[i] * y[i];
			total += weights[i];
		}
		mean /= total;
		double var = 0;
		for (int i = 0; i < y.length; i++) {
			var += weights[i] * (y[i] - mean) * (y[i] - mean);
		}
		double scale = Math.sqrt(var / total) > 0 ? Math.sqrt(var / total) : 1;
		int p = design.size();
		double[][] a = new double[p][p];
		double[] b = new double[p];
		double[] row = new double[p];
		for (int i = 0; i < y.length; i++) {
			if (weights[i] == 0) {
				continue;
			}
			design.row(i, row);
			double target = (y[i] - mean) / scale;
			for (int j = 0; j < p; j++) {
				double wj = weights[i] * row[j];
				if (wj == 0) {
					continue;
				}
				b[j] += wj * target;
				for (int k = 0; k <= j; k++) {
					a[j][k] += wj * row[k];
				}
			}
		}
		for (int j = 0; j < p; j++) {
			for (int k = 0; k < j; k++) {
				a[k][j] = a[j][k];
			}
			a[j][j] += design.penalty[j];
		}
		return new Model(design, Ridge.solve(a, b), mean, scale, y.length, damping);
	}

	/** The fitted regression; also exposes its seasonal (Fourier + holiday) part for {@link FourierEts}. */
	static final class Model implements Fit {

		private final Design design;

		private final double[] beta;

		private final double mean;

		private final double scale;

		private final int n;

		private final double damping;

		Model(Design design, double[] beta, double mean, double scale, int n, double damping) {
			this.design = design;
			this.beta = beta;
			this.mean = mean;
			this.scale = scale;
			this.n = n;
			this.damping = damping;
		}

		/** Expected value at grid index {@code i} (any index, also beyond the history). */
		double at(int i) {
			if (i < n || damping >= 1) {
				return mean + scale * dot(i, 0, beta.length);
			}
			double slope = 0;
			for (int j = 1; j < design.trendColumns; j++) {
				slope += beta[j];
			}
			slope /= Math.max(1, n - 1);
			double steps = damping * (1 - Math.pow(damping, i - n + 1)) / (1 - damping);
			return mean + scale * (dot(n - 1, 0, design.trendColumns) + slope * steps) + seasonal(i);
		}

		/** Seasonal and holiday part at grid index {@code i}. */
		double seasonal(int i) {
			return scale * dot(i, design.trendColumns, beta.length);
		}

		private double dot(int i, int from, int to) {
			double[] row = new double[beta.length];
			design.row(i, row);
			double s = 0;
			for (int j = from; j < to; j++) {
				s += row[j] * beta[j];
			}
			return s;
		}

		@Override
		public double[] fitted() {
			double[] out = new double[n];
			for (int i = 0; i < n; i++) {
				out[i] = at(i);
			}
			return out;
		}

		@Override
		public double[] forecast(int horizon) {
			double[] out = new double[horizon];
			for (int h = 0; h < horizon; h++) {
				out[h] = at(n + h);
			}
			return out;
		}

	}

	/** Column layout: intercept, slope, changepoint hinges, Fourier pairs, holiday dummies; and their penalties. */
	final class Design {

		private final int n;

		private final double[] changepoints;

		private final List<double[]> fourier = new ArrayList<>();

		private final @Nullable IntFunction<LocalDate> dates;

		private final int[] holidayColumn = new int[UsHolidays.COUNT];

		final int trendColumns;

		final double[] penalty;

		Design(int n, @Nullable IntFunction<LocalDate> dates) {
			this.n = n;
			int count = Math.max(0, Math.min(CHANGEPOINTS, (int) (0.8 * n) - 2));
			changepoints = new double[count];
			for (int j = 0; j < count; j++) {
				changepoints[j] = 0.8 * (j + 1) / (count + 1);
			}
			trendColumns = 2 + count;
			for (int pi = 0; pi < periods.length; pi++) {
				double period = periods[pi];
				int order = (int) Math.min(nested(pi) ? 30 : 10, Math.floor((period - 1) / 2));
				for (int k = 1; k <= order; k++) {
					if (!duplicate(period / k, pi)) {
						fourier.add(new double[] { period, k });
					}
				}
			}
			int columns = trendColumns + 2 * fourier.size();
			Arrays.fill(holidayColumn, -1);
			this.dates = dates;
			if (dates != null) {
				for (int i = 0; i < n; i++) {
					int h = UsHolidays.of(dates.apply(i));
					if (h >= 0 && holidayColumn[h] < 0) {
						holidayColumn[h] = columns++;
					}
				}
			}
			penalty = new double[columns];
			penalty[1] = 1e-6;
			Arrays.fill(penalty, 2, trendColumns, changepointPenalty);
			Arrays.fill(penalty, trendColumns, trendColumns + 2 * fourier.size(), 1e-3);
			Arrays.fill(penalty, trendColumns + 2 * fourier.size(), columns, 1.0);
		}

		/**
		 * Whether a shorter period divides this one (e.g. 24 h in 168 h): the long period then needs more harmonics
		 * to let the short cycle's shape differ across it (weekday vs weekend days).
		 */
		private boolean nested(int periodIndex) {
			for (int other = 0; other < periodIndex; other++) {
				double ratio = periods[periodIndex] / periods[other];
				if (Math.abs(ratio - Math.rint(ratio)) < 1e-9) {
					return true;
				}
			}
			return false;
		}

		/** Whether a harmonic of wavelength {@code wave} is already a harmonic of a shorter period. */
		private boolean duplicate(double wave, int periodIndex) {
			for (int other = 0; other < periodIndex; other++) {
				double ratio = periods[other] / wave;
				if (Math.abs(ratio - Math.rint(ratio)) < 1e-9 && Math.rint(ratio) >= 1) {
					return true;
				}
			}
			return false;
		}

		int size() {
			return penalty.length;
		}

		void row(int i, double[] out) {
			Arrays.fill(out, 0);
			double t = n > 1 ? i / (double) (n - 1) : 0;
			out[0] = 1;
			out[1] = t;
			for (int j = 0; j < changepoints.length; j++) {
				out[2 + j] = Math.max(0, t - changepoints[j]);
			}
			int c = trendColumns;
			for (double[] term : fourier) {
				double angle = 2 * Math.PI * term[1] * i / term[0];
				out[c++] = Math.sin(angle);
				out[c++] = Math.cos(angle);
			}
			if (dates != null) {
				int h = UsHolidays.of(dates.apply(i));
				if (h >= 0 && holidayColumn[h] >= 0) {
					out[holidayColumn[h]] = 1;
				}
			}
		}

	}

}
