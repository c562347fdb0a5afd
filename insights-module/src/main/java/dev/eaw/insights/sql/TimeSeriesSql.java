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

	private static final Forecaster forecaster = new Forecaster();

	private TimeSeriesSql() {
	}

	// FORECAST overloads: (dataset, ts, value, horizon [, series] [, interval])

	public static ScannableTable forecast(String dataset, String ts, String value, long horizon) {
		return forecastTable(dataset, ts, value, horizon, null, FORECAST_INTERVAL);
	}

	public static ScannableTable forecast(String dataset, String ts, String value, long horizon, String series) {
		return forecastTable(dataset, ts, value, horizon, series, FORECAST_INTERVAL);
	}

	public static ScannableTable forecast(String dataset, String ts, String value, long horizon, String series,
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

	private static ScannableTable forecastTable(String dataset, String ts, String value, long horizon,
			@Nullable String series, double interval) {
		checkInterval(interval);
		SeriesSource source = new SeriesSource(dataset, ts, value, series);
		if (horizon < 1 || horizon > 10_000) {
			throw new InvalidInput("FORECAST: the horizon is a number of steps from 1 to 10000, not " + horizon + ".");
		}
		return new SeriesTable(source, false) {
			@Override
			List<Object[]> rows() {
				List<Object[]> rows = new ArrayList<>();
				source.read().forEach((key, points) -> {
					QueryContext.checkCurrent();
					ForecastResult result = forecaster.forecast(points.ts(), points.values(), (int) horizon, interval);
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
		SeriesSource source = new SeriesSource(dataset, ts, value, series);
		return new SeriesTable(source, true) {
			@Override
			List<Object[]> rows() {
				List<Object[]> rows = new ArrayList<>();
				source.read().forEach((key, points) -> {
					QueryContext.checkCurrent();
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
