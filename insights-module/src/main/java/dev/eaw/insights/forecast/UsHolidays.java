package dev.eaw.insights.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * US federal holidays computed from their rules (actual dates, no weekend "observed" shifts), used as dummy
 * regressors for daily series by {@link ProphetStyle}.
 */
final class UsHolidays {

	/** Number of distinct holidays; {@link #of} returns an index below this. */
	static final int COUNT = 11;

	private UsHolidays() {
	}

	/** Index of the holiday falling on {@code date}, or −1. */
	static int of(LocalDate date) {
		int y = date.getYear();
		Month m = date.getMonth();
		int d = date.getDayOfMonth();
		if (m == Month.JANUARY && d == 1) {
			return 0;
		}
		if (m == Month.JANUARY && y >= 1986 && date.equals(nth(y, m, DayOfWeek.MONDAY, 3))) {
			return 1;
		}
		if (m == Month.FEBRUARY && date.equals(nth(y, m, DayOfWeek.MONDAY, 3))) {
			return 2;
		}
		if (m == Month.MAY && date.equals(LocalDate.of(y, m, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))) {
			return 3;
		}
		if (m == Month.JUNE && d == 19 && y >= 2021) {
			return 4;
		}
		if (m == Month.JULY && d == 4) {
			return 5;
		}
		if (m == Month.SEPTEMBER && date.equals(nth(y, m, DayOfWeek.MONDAY, 1))) {
			return 6;
		}
		if (m == Month.OCTOBER && date.equals(nth(y, m, DayOfWeek.MONDAY, 2))) {
			return 7;
		}
		if (m == Month.NOVEMBER && d == 11) {
			return 8;
		}
		if (m == Month.NOVEMBER && date.equals(nth(y, m, DayOfWeek.THURSDAY, 4))) {
			return 9;
		}
		if (m == Month.DECEMBER && d == 25) {
			return 10;
		}
		return -1;
	}

	private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
	}

}
