package dev.eaw.insights.sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the casts of a VARIANT ({@code ::NUMBER}, {@code ::BOOLEAN}, {@code ::DATE}, {@code ::TIMESTAMP_NTZ}) read
 * from it, as Snowflake reads them: numbers from numbers or numeric text, booleans also from {@code 'yes'} or
 * {@code 1}, dates and timestamps from ISO text or from seconds since 1970. {@link SnowflakePrepare} calls them.
 */
public final class VariantCasts {

	private VariantCasts() {
	}

	public static @Nullable BigDecimal number(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Boolean bool) {
			return bool ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		if (value instanceof Number number) {
			return number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
					: BigDecimal.valueOf(number.longValue());
		}
		try {
			return new BigDecimal(Variants.text(value).strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Numeric value '" + Variants.text(value) + "' is not recognized.");
		}
	}

	public static @Nullable Boolean bool(@Nullable Object value) {
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		if (value instanceof Number) {
			return number(value).signum() != 0;
		}
		return switch (Variants.text(value).strip().toLowerCase(Locale.ROOT)) {
			case "true", "t", "yes", "y", "on", "1" -> true;
			case "false", "f", "no", "n", "off", "0" -> false;
			default -> throw new IllegalArgumentException("Boolean value '" + Variants.text(value) + "' is not recognized.");
		};
	}

	public static @Nullable Date date(@Nullable Object value) {
		Timestamp timestamp = timestamp(value);
		return timestamp == null ? null : Date.valueOf(timestamp.toLocalDateTime().toLocalDate());
	}

	/** A timestamp from ISO text (with or without a time, a {@code T}, an offset) or from seconds since 1970. */
	public static @Nullable Timestamp timestamp(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Number) {
			return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.ofEpochMilli(number(value).movePointRight(3).longValue()),
					ZoneOffset.UTC));
		}
		String text = Variants.text(value).strip();
		String iso = text.length() == 10 ? text + "T00:00:00" : text.replace(' ', 'T');
		try {
			return Timestamp.valueOf(LocalDateTime.parse(iso));
		}
		catch (DateTimeParseException local) {
			try {
				return Timestamp.valueOf(OffsetDateTime.parse(iso).toLocalDateTime());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Date '" + text + "' is not recognized.");
			}
		}
	}

}
