package dev.eaw.insights.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;

/**
 * The series of one dataset for {@code FORECAST}/{@code DETECT_ANOMALIES}: the checked column names, whether the time
 * column is a date, and the values per series, read through the running query's read-only connections.
 */
final class SeriesSource {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final String dataset;

	private final String ts;

	private final String value;

	private final @Nullable String series;

	private @Nullable Boolean dateColumn;

	SeriesSource(String dataset, String ts, String value, @Nullable String series) {
		this.dataset = checked(dataset, "dataset");
		this.ts = checked(ts, "time column");
		this.value = checked(value, "value column");
		this.series = series == null || series.isBlank() ? null : checked(series, "series column");
	}

	boolean isDate() {
		if (dateColumn == null) {
			try (Connection connection = TimeSeriesSql.connections().getConnection();
					PreparedStatement statement = connection.prepareStatement("SELECT " + q(ts) + ", " + q(value)
							+ (series == null ? "" : ", " + q(series)) + " FROM insights_data." + q(dataset) + " LIMIT 0")) {
				var meta = statement.executeQuery().getMetaData();
				int type = meta.getColumnType(1);
				if (type != Types.DATE && type != Types.TIMESTAMP && type != Types.TIMESTAMP_WITH_TIMEZONE) {
					throw new InvalidInput("'" + ts + "' is not a date or timestamp column of " + dataset + ".");
				}
				if (!isNumber(meta.getColumnType(2))) {
					throw new InvalidInput("'" + value + "' is not a numeric column of " + dataset + ".");
				}
				dateColumn = type == Types.DATE;
			}
			catch (SQLException ex) {
				throw new InvalidInput("Cannot read " + dataset + "(" + ts + ", " + value
						+ (series == null ? "" : ", " + series) + "): " + ex.getMessage());
			}
		}
		return dateColumn;
	}

	/** A Calcite DATE (days) or TIMESTAMP (millis) value for a time. */
	Object time(LocalDateTime time) {
		return isDate() ? (int) time.toLocalDate().toEpochDay() : time.toInstant(ZoneOffset.UTC).toEpochMilli();
	}

	Map<String, SeriesPoints> read() {
		isDate();
		Map<String, List<LocalDateTime>> times = new LinkedHashMap<>();
		Map<String, List<Double>> values = new LinkedHashMap<>();
		String sql = "SELECT " + q(ts) + ", " + q(value) + ", " + (series == null ? "''" : q(series) + "::text")
				+ " FROM insights_data." + q(dataset) + " WHERE " + q(ts) + " IS NOT NULL ORDER BY 3, 1";
		try (Connection connection = TimeSeriesSql.connections().getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setFetchSize(10_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String key = rs.getString(3) == null ? "" : rs.getString(3);
					LocalDateTime time = rs.getObject(1) instanceof java.sql.Date date
							? date.toLocalDate().atStartOfDay() : rs.getTimestamp(1).toLocalDateTime();
					double v = rs.getDouble(2);
					times.computeIfAbsent(key, k -> new ArrayList<>()).add(time);
					values.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.wasNull() ? Double.NaN : v);
				}
			}
		}
		catch (SQLException ex) {
			throw new InvalidInput("Cannot read " + dataset + ": " + ex.getMessage());
		}
		if (times.isEmpty()) {
			throw new InvalidInput("The dataset " + dataset + " has no rows with a " + ts + ".");
		}
		Map<String, SeriesPoints> points = new LinkedHashMap<>();
		times.forEach((key, list) -> points.put(key, new SeriesPoints(list,
				values.get(key).stream().mapToDouble(Double::doubleValue).toArray())));
		return points;
	}

	private static boolean isNumber(int type) {
		return switch (type) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
					Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
			default -> false;
		};
	}

	private static String checked(String name, String what) {
		String lower = name.strip().toLowerCase(java.util.Locale.ROOT);
		if (!NAME.matcher(lower).matches()) {
			throw new InvalidInput("'" + name + "' is not a valid " + what + " name.");
		}
		return lower;
	}

	private static String q(String identifier) {
		return '"' + identifier + '"';
	}

}
