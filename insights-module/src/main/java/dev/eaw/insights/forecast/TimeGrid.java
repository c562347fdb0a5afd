package dev.eaw.insights.forecast;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regular time axis of a series: its step (a fixed duration, or a number of calendar months), the grid position
 * of every observed timestamp (gaps leave positions empty) and the timestamps of future steps. Monthly series whose
 * timestamps are all month ends stay on month ends.
 *
 * @param start first timestamp
 * @param step fixed step, or {@code null} for a calendar-month step
 * @param months months per step when {@code step} is null (1 monthly, 3 quarterly, 12 yearly)
 * @param monthEnd whether every timestamp is the last day of its month (month steps only)
 * @param positions grid index of each observed timestamp
 * @param length grid length (last position + 1)
 */
record TimeGrid(LocalDateTime start, Duration step, int months, boolean monthEnd, int[] positions, int length) {

	private static final long DAY = 86_400;

	/** Infers the step as the most frequent difference and places every timestamp on the grid. */
	static TimeGrid infer(List<LocalDateTime> ts) {
		int n = ts.size();
		Map<Long, Integer> counts = new HashMap<>();
		for (int i = 1; i < n; i++) {
			if (!ts.get(i).isAfter(ts.get(i - 1))) {
				throw new IllegalArgumentException("Timestamps must be strictly ascending, but " + ts.get(i)
						+ " (position " + i + ") does not come after " + ts.get(i - 1));
			}
			counts.merge(Duration.between(ts.get(i - 1), ts.get(i)).toSeconds(), 1, Integer::sum);
		}
		long mode = counts.entrySet().stream()
			.max((a, b) -> a.getValue().equals(b.getValue()) ? Long.compare(b.getKey(), a.getKey())
					: Integer.compare(a.getValue(), b.getValue()))
			.orElseThrow()
			.getKey();
		int months = mode >= 28 * DAY && mode <= 31 * DAY ? 1 : mode >= 89 * DAY && mode <= 92 * DAY ? 3
				: mode >= 365 * DAY && mode <= 366 * DAY ? 12 : 0;
		LocalDateTime start = ts.get(0);
		int[] positions = new int[n];
		if (months > 0) {
			boolean monthEnd = ts.stream().allMatch(TimeGrid::isMonthEnd);
			for (int i = 0; i < n; i++) {
				long between = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), ts.get(i).withDayOfMonth(1));
				TimeGrid probe = new TimeGrid(start, Duration.ZERO, months, monthEnd, positions, 0);
				if (between % months != 0 || !probe.at((int) (between / months)).equals(ts.get(i))) {
					throw irregular(ts.get(i), start, months == 1 ? "1 month" : months + " months");
				}
				positions[i] = (int) (between / months);
			}
			checkSize(positions[n - 1] + 1, n);
			return new TimeGrid(start, Duration.ZERO, months, monthEnd, positions, positions[n - 1] + 1);
		}
		Duration step = Duration.ofSeconds(mode);
		for (int i = 0; i < n; i++) {
			long offset = Duration.between(start, ts.get(i)).toSeconds();
			if (offset % mode != 0) {
				throw irregular(ts.get(i), start, describe(step));
			}
			long position = offset / mode;
			checkSize(position + 1, n);
			positions[i] = (int) position;
		}
		return new TimeGrid(start, step, 0, false, positions, positions[n - 1] + 1);
	}

	private static IllegalArgumentException irregular(LocalDateTime t, LocalDateTime start, String step) {
		return new IllegalArgumentException("Irregular timestamps: " + t + " is not a whole number of steps of " + step
				+ " (the most common spacing) after " + start);
	}

	private static void checkSize(long gridLength, int observed) {
		if (gridLength > 2_000_000 || gridLength > 20L * observed + 1000) {
			throw new IllegalArgumentException("Timestamps are too sparse for their step: " + observed
					+ " points would span " + gridLength + " steps");
		}
	}

	private static boolean isMonthEnd(LocalDateTime t) {
		return t.getDayOfMonth() == t.toLocalDate().lengthOfMonth();
	}

	private static String describe(Duration step) {
		return step.toSeconds() % DAY == 0 ? step.toDays() + " day(s)" : step.toString();
	}

	/** Timestamp of grid index {@code index} (may be beyond the history). */
	LocalDateTime at(int index) {
		if (months > 0) {
			LocalDateTime t = start.plusMonths((long) index * months);
			return monthEnd ? t.withDayOfMonth(t.toLocalDate().lengthOfMonth()) : t;
		}
		return start.plus(step.multipliedBy(index));
	}

	/** The {@code horizon} timestamps following the last observation. */
	List<LocalDateTime> future(int horizon) {
		List<LocalDateTime> out = new ArrayList<>(horizon);
		for (int h = 1; h <= horizon; h++) {
			out.add(at(length - 1 + h));
		}
		return out;
	}

	/** Values placed on the grid: positions without an observation are NaN. */
	double[] place(double[] values) {
		double[] out = new double[length];
		java.util.Arrays.fill(out, Double.NaN);
		for (int i = 0; i < positions.length; i++) {
			out[positions[i]] = values[i];
		}
		return out;
	}

	/** Whether the step is exactly one day (holidays then apply). */
	boolean daily() {
		return months == 0 && step.toSeconds() == DAY;
	}

	/**
	 * Candidate seasonal periods in steps, shortest first: day, week and year for sub-yearly fixed steps (e.g. hourly
	 * 24 and 168, daily 7 and 365.25, weekly 52.18), 12 for monthly, 4 for quarterly; only those covering at least
	 * two whole periods of {@code historyLength} steps.
	 */
	double[] seasonalPeriods(int historyLength) {
		List<Double> periods = new ArrayList<>();
		if (months == 1) {
			periods.add(12.0);
		}
		else if (months == 3) {
			periods.add(4.0);
		}
		else if (months == 0) {
			double s = step.toSeconds();
			for (double p : new double[] { DAY / s, 7 * DAY / s, 365.25 * DAY / s }) {
				if (p >= 2) {
					periods.add(p);
				}
			}
		}
		return periods.stream().mapToDouble(Double::doubleValue).filter(p -> historyLength >= 2 * p).toArray();
	}

}
