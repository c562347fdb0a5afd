package dev.eaw.web.mlops;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formatting for the MLOps templates ({@code ${@mlopsFormat.time(…)}}): epoch millis, durations and metric values. */
@Component("mlopsFormat")
class MlopsFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** Epoch millis as UTC date and time; empty when unknown. */
	public String time(@Nullable Long millis) {
		return millis == null || millis <= 0 ? "" : TIME.format(Instant.ofEpochMilli(millis));
	}

	/** How long a run took (or has been running), as {@code 1h 2m}, {@code 3m 4s} or {@code 5.6s}. */
	public String duration(@Nullable Long start, @Nullable Long end) {
		if (start == null || start <= 0) {
			return "";
		}
		long millis = Math.max(0, (end == null ? System.currentTimeMillis() : end) - start);
		long seconds = millis / 1000;
		if (seconds >= 3600) {
			return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
		}
		if (seconds >= 60) {
			return seconds / 60 + "m " + seconds % 60 + "s";
		}
		return BigDecimal.valueOf(millis, 3).round(new MathContext(2)).stripTrailingZeros().toPlainString() + "s";
	}

	/** A metric value with at most six significant digits; NaN and infinities as Java names them. */
	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
		return rounded.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) >= 0 ? rounded.toString()
				: rounded.toPlainString();
	}

	/**
	 * A metric value as MLflow's runs table shows it ({@code Utils.formatMetric} in mlflow/mlflow,
	 * mlflow/server/js/src/common/utils/Utils.js): three decimals below 10, two below 100, one above.
	 */
	static String tableNumber(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		double magnitude = Math.abs(value);
		int decimals = magnitude < 10 ? 3 : magnitude < 100 ? 2 : 1;
		BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
		return rounded.signum() == 0 ? "0" : rounded.toPlainString();
	}

	public String value(double value) {
		return number(value);
	}

}
