package dev.eaw.insights.csv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.ColumnType;

/**
 * Recognises and converts CSV values of each {@link ColumnType} into the canonical text PostgreSQL's COPY reads.
 * Dates are ISO ({@code 2024-03-31} or {@code 2024/03/31}); timestamps ISO with {@code T} or a space, optional
 * seconds, fraction and offset (converted to UTC).
 */
public final class Values {

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");

	private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu[-][/]MM[-][/]dd", Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.appendPattern("uuuu-MM-dd")
		.optionalStart().appendLiteral('T').optionalEnd()
		.optionalStart().appendLiteral(' ').optionalEnd()
		.appendPattern("HH:mm")
		.optionalStart().appendPattern(":ss").optionalEnd()
		.optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
		.optionalStart().appendOffsetId().optionalEnd()
		.toFormatter(Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	private Values() {
	}

	/** Whether a non-empty value can be read as the type. */
	public static boolean fits(String value, ColumnType type) {
		return convert(value.strip(), type) != null;
	}

	/** The canonical text of a non-empty value, or null when it is not of that type. */
	public static @Nullable String convert(String value, ColumnType type) {
		return switch (type) {
			case INTEGER -> INTEGER.matcher(value).matches() ? value.startsWith("+") ? value.substring(1) : value : null;
			case DECIMAL -> DECIMAL.matcher(value).matches() ? value : null;
			case BOOLEAN -> bool(value);
			case DATE -> date(value);
			case TIMESTAMP -> timestamp(value);
			case TEXT -> value;
		};
	}

	/** What a user should have written instead, for error messages. */
	public static String expected(ColumnType type) {
		return switch (type) {
			case INTEGER -> "a whole number";
			case DECIMAL -> "a number";
			case BOOLEAN -> "true/false or yes/no";
			case DATE -> "a date like 2024-03-31";
			case TIMESTAMP -> "a timestamp like 2024-03-31 14:30:00";
			case TEXT -> "text";
		};
	}

	private static @Nullable String bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "t", "yes", "y" -> "true";
			case "false", "f", "no", "n" -> "false";
			default -> null;
		};
	}

	private static @Nullable String date(String value) {
		if (value.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(value, DATE).toString();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable String timestamp(String value) {
		if (value.length() < 16) {
			return null;
		}
		try {
			var parsed = TIMESTAMP.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
			LocalDateTime local = parsed instanceof OffsetDateTime offset
					? offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : (LocalDateTime) parsed;
			return local.toString().replace('T', ' ');
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
