package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/** A forecasting method that can be fitted to a gap-free series (values on a regular grid). */
interface Method {

	/** Label shown in results, e.g. {@code ets(24)}. */
	String name();

	/** Family used to restrict a {@link Forecaster}: {@code seasonal-naive}, {@code ets} or {@code prophet-style}. */
	String family();

	/**
	 * Fits the method.
	 * @param y values on the grid, gaps already interpolated
	 * @param observed which positions were really observed (regressions skip the others)
	 * @param dates calendar date of a grid index (including future ones) for daily series, else null
	 */
	Fit fit(double[] y, boolean[] observed, @Nullable IntFunction<LocalDate> dates);

}
