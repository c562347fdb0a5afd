package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * One validated series on its regular grid: raw values with NaN in gaps ({@code raw}), the same with gaps
 * interpolated ({@code y}), which positions were observed, and the calendar dates of grid indices for daily series.
 */
record Series(TimeGrid grid, double[] raw, double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates) {

	/** Smallest number of non-missing values accepted. */
	static final int MIN_POINTS = 5;

	static Series of(List<LocalDateTime> ts, double[] values) {
		if (ts.size() != values.length) {
			throw new IllegalArgumentException(
					"ts and values must have the same length, got " + ts.size() + " timestamps and " + values.length
							+ " values");
		}
		int present = 0;
		for (int i = 0; i < values.length; i++) {
			if (Double.isInfinite(values[i])) {
				throw new IllegalArgumentException("values must be finite numbers or NaN (missing); position " + i
						+ " is " + values[i]);
			}
			present += Double.isNaN(values[i]) ? 0 : 1;
		}
		if (present < MIN_POINTS) {
			throw new IllegalArgumentException("Need at least " + MIN_POINTS + " non-missing values, got " + present);
		}
		TimeGrid grid = TimeGrid.infer(ts);
		double[] raw = grid.place(values);
		boolean[] observed = new boolean[raw.length];
		for (int i = 0; i < raw.length; i++) {
			observed[i] = !Double.isNaN(raw[i]);
		}
		IntFunction<LocalDate> dates = grid.daily() ? i -> grid.at(i).toLocalDate() : null;
		return new Series(grid, raw, Stats.interpolate(raw), observed, dates);
	}

	int length() {
		return y.length;
	}

	/** The first {@code length} positions. */
	Series head(int length) {
		return new Series(grid, java.util.Arrays.copyOf(raw, length), java.util.Arrays.copyOf(y, length),
				java.util.Arrays.copyOf(observed, length), dates);
	}

	/** Whether every observed value is strictly positive (log scale possible). */
	boolean positive() {
		for (int i = 0; i < y.length; i++) {
			if (observed[i] && !(raw[i] > 0)) {
				return false;
			}
		}
		return true;
	}

	Fit fit(Candidate candidate) {
		return candidate.fit(y, observed, dates);
	}

}
