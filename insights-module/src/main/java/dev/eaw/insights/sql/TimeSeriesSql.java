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

import javax.sql.DataSource;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.jspecify.annotations.Nullable;

import dev.eaw.insights.forecast.AnomalyResult;
import dev.eaw.insights.forecast.ForecastResult;
import dev.eaw.insights.forecast.Forecaster;
import dev.eaw.kernel.InvalidInput;

/**
 * {@code FORECAST} and {@code DETECT_ANOMALIES}, Snowflake ML style, as Calcite table functions over a dataset named
 * by a string: {@code SELECT * FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 30, 'store'))}. The series are
 * read through the read-only role, forecast one by one, and returned as rows. The forecaster's own
 * {@link IllegalArgumentException}s (too short a series, irregular timestamps) reach the user as they are.
 */
public final class TimeSeriesSql {

	static final double FORECAST_INTERVAL = 0.95;

	static final double ANOMALY_INTERVAL = 0.99;

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private static final Forecaster forecaster = new Forecaster();

	private TimeSeriesSql() {
	}

	// FORECAST overloads: (dataset, ts, value, horizon [, series] [, interval])

	public static ScannableTable forecast(String dataset, String ts, String value, int horizon) {
		return forecastTable(dataset, ts, value, horizon, null, FORECAST_INTERVAL);
	}

	public static ScannableTable forecast(String dataset, String ts, String value, int horizon, String series) {
		return forecastTable(dataset, ts, value, horizon, series, FORECAST_INTERVAL);
	}

	public static ScannableTable forecast(String dataset, String ts, String value, int horizon, String series,
			java.math.BigDecimal interval) {
		return forecastTable(dataset, ts, value, horizon, series, interval.doubleValue());
	}

	// DETECT_ANOMALIES overloads: (dataset, ts, value [, series] [, interval])

	public static ScannableTable detectAnomalies(String dataset, String ts, String value) {
		return anomalyTable(dataset, ts, value, null, ANOMALY_INTERVAL);
	}

	public static ScannableTable detectAnomalies(String dataset, String ts, String value, String series) {
		return anomalyTable(dataset, ts, value, series, ANOMALY_INTERVAL);
	}

	public static ScannableTable detectAnomalies(String dataset, String ts, String value, String series,
			java.math.BigDecimal interval) {
		return anomalyTable(dataset, ts, value, series, interval.doubleValue());
	}

	private static ScannableTable forecastTable(String dataset, String ts, String value, int horizon,
			@Nullable String series, double interval) {
		checkInterval(interval);
		Source source = new Source(dataset, ts, value, series);
		if (horizon < 1 || horizon > 10_000) {
			throw new InvalidInput("FORECAST: the horizon is a number of steps from 1 to 10000, not " + horizon + ".");
		}
		return new ResultTable(source, false) {
			@Override
			List<Object[]> rows() {
				List<Object[]> rows = new ArrayList<>();
				source.read().forEach((key, points) -> {
					ForecastResult result = forecaster.forecast(points.ts(), points.values(), horizon, interval);
					for (int i = 0; i < result.ts().size(); i++) {
						rows.add(new Object[] { source.time(result.ts().get(i)), key, finite(result.forecast()[i]),
								finite(result.lower()[i]), finite(result.upper()[i]), result.method() });
					}
				});
				return rows;
			}
		};
	}

	private static ScannableTable anomalyTable(String dataset, String ts, String value, @Nullable String series,
			double interval) {
		checkInterval(interval);
		Source source = new Source(dataset, ts, value, series);
		return new ResultTable(source, true) {
			@Override
			List<Object[]> rows() {
				List<Object[]> rows = new ArrayList<>();
				source.read().forEach((key, points) -> {
					AnomalyResult result = forecaster.detectAnomalies(points.ts(), points.values(), interval);
					for (int i = 0; i < result.ts().size(); i++) {
						rows.add(new Object[] { source.time(result.ts().get(i)), key, finite(result.value()[i]),
								finite(result.expected()[i]), finite(result.lower()[i]), finite(result.upper()[i]),
								result.anomaly()[i], finite(result.score()[i]) });
					}
				});
				return rows;
			}
		};
	}

	private static void checkInterval(double interval) {
		if (!(interval > 0 && interval < 1)) {
			throw new InvalidInput("The interval is a probability between 0 and 1 (exclusive), e.g. 0.95, not " + interval + ".");
		}
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/** The series of one dataset: which columns, and whether the time column is a date. */
	private static final class Source {

		private final String dataset;

		private final String ts;

		private final String value;

		private final @Nullable String series;

		private @Nullable Boolean dateColumn;

		Source(String dataset, String ts, String value, @Nullable String series) {
			this.dataset = checked(dataset, "dataset");
			this.ts = checked(ts, "time column");
			this.value = checked(value, "value column");
			this.series = series == null || series.isBlank() ? null : checked(series, "series column");
		}

		boolean isDate() {
			if (dateColumn == null) {
				try (Connection connection = connections().getConnection();
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

		Map<String, Points> read() {
			isDate();
			Map<String, List<LocalDateTime>> times = new LinkedHashMap<>();
			Map<String, List<Double>> values = new LinkedHashMap<>();
			String sql = "SELECT " + q(ts) + ", " + q(value) + ", " + (series == null ? "''" : q(series) + "::text")
					+ " FROM insights_data." + q(dataset) + " WHERE " + q(ts) + " IS NOT NULL ORDER BY 3, 1";
			try (Connection connection = connections().getConnection();
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
			Map<String, Points> points = new LinkedHashMap<>();
			times.forEach((key, list) -> points.put(key, new Points(list,
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

	private record Points(List<LocalDateTime> ts, double[] values) {
	}

	/** The rows of a forecast or an anomaly detection, computed when Calcite scans them. */
	private abstract static class ResultTable extends AbstractTable implements ScannableTable {

		private final Source source;

		private final boolean anomalies;

		ResultTable(Source source, boolean anomalies) {
			this.source = source;
			this.anomalies = anomalies;
		}

		abstract List<Object[]> rows();

		@Override
		public RelDataType getRowType(RelDataTypeFactory types) {
			var builder = types.builder()
				.add("ts", source.isDate() ? SqlTypeName.DATE : SqlTypeName.TIMESTAMP)
				.add("series", SqlTypeName.VARCHAR);
			if (anomalies) {
				builder.add("value", SqlTypeName.DOUBLE).nullable(true)
					.add("expected", SqlTypeName.DOUBLE).nullable(true)
					.add("lower_bound", SqlTypeName.DOUBLE).nullable(true)
					.add("upper_bound", SqlTypeName.DOUBLE).nullable(true)
					.add("is_anomaly", SqlTypeName.BOOLEAN)
					.add("score", SqlTypeName.DOUBLE).nullable(true);
			}
			else {
				builder.add("forecast", SqlTypeName.DOUBLE).nullable(true)
					.add("lower_bound", SqlTypeName.DOUBLE).nullable(true)
					.add("upper_bound", SqlTypeName.DOUBLE).nullable(true)
					.add("model", SqlTypeName.VARCHAR);
			}
			return builder.build();
		}

		@Override
		public Enumerable<Object[]> scan(DataContext root) {
			return Linq4j.asEnumerable(rows());
		}

	}

	/** The running query's read-only connections: the series are read as the datasets' reader role. */
	static DataSource connections() {
		return QueryContext.required().reader();
	}

	/** Registers FORECAST and DETECT_ANOMALIES, each with its optional-argument overloads. */
	static void register(org.apache.calcite.schema.SchemaPlus root) {
		for (java.lang.reflect.Method method : TimeSeriesSql.class.getMethods()) {
			if (method.getName().equals("forecast")) {
				root.add("forecast", org.apache.calcite.schema.impl.TableFunctionImpl.create(method));
			}
			else if (method.getName().equals("detectAnomalies")) {
				root.add("detect_anomalies", org.apache.calcite.schema.impl.TableFunctionImpl.create(method));
			}
		}
	}

}
