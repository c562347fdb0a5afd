package dev.eaw.mlops.tracking;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.TrackingError;

/**
 * Bounds on what one search may ask of PostgreSQL, shared by the tracking and registry searches: every comparison
 * becomes a subquery and every listed value a bind parameter, so an unbounded filter keeps the planner busy for
 * minutes (500 comparisons) or overflows the driver's 65,535 parameters (a 70,000-value IN list).
 */
public final class SearchLimits {

	/** The most comparisons one filter may join with AND. */
	public static final int MAX_CLAUSES = 50;

	/** The most values one IN list may hold, and the most experiment ids one run search may name. */
	public static final int MAX_VALUES = 1000;

	/** The most order-by clauses one search may have. */
	public static final int MAX_ORDER_BY = 10;

	private SearchLimits() {
	}

	/** Text from a request as quoted back in a message: its first 200 characters. */
	public static String shown(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200) + "…";
	}

	/** Refuses a filter PostgreSQL cannot take: one with a NUL character. */
	public static void checkFilter(@Nullable String filter) {
		if (filter != null && filter.indexOf('\0') >= 0) {
			throw TrackingError.invalid("Invalid filter: it contains a NUL character.");
		}
	}

	/** Refuses the comparison that makes a filter longer than {@link #MAX_CLAUSES}. */
	public static void checkClauses(int clauses) {
		if (clauses > MAX_CLAUSES) {
			throw TrackingError.invalid("Invalid filter: a filter may join at most " + MAX_CLAUSES
					+ " comparisons with AND.");
		}
	}

	/** Refuses a list of more than {@link #MAX_VALUES} values. */
	public static void checkValues(String what, int values) {
		if (values > MAX_VALUES) {
			throw TrackingError.invalid("Invalid " + what + ": at most " + MAX_VALUES + " values are allowed, got "
					+ values + ".");
		}
	}

	/** Refuses more than {@link #MAX_ORDER_BY} order-by clauses, or one with a NUL character. */
	public static void checkOrderBy(List<String> clauses) {
		if (clauses.size() > MAX_ORDER_BY) {
			throw TrackingError.invalid("Invalid order_by: at most " + MAX_ORDER_BY + " order_by clauses are allowed, "
					+ "got " + clauses.size() + ".");
		}
		for (String clause : clauses) {
			if (clause.indexOf('\0') >= 0) {
				throw TrackingError.invalid("Invalid order_by clause: it contains a NUL character.");
			}
		}
	}

}
