package dev.eaw.web.insights;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SNOWFLAKE.ML model objects in the SQL box: statements from Snowflake's documentation pages (page cited; only the
 * table and column names adapted to the demo {@code sales} dataset), run through {@code POST /api/insights/query},
 * with Snowflake's result columns; owners see and use only their own models.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnowflakeMlCompatibilityTests {

	static final String SALES = "SYSTEM$QUERY_REFERENCE('SELECT sale_date, store, revenue FROM sales')";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@BeforeAll
	void users() {
		for (String user : List.of("ml-analyst", "ml-other")) {
			if (accounts.find(user).isEmpty()) {
				accounts.create(user, "analyst-secret", Role.ANALYST, "test");
			}
		}
	}

	Http as(String user) {
		return Http.basic(port, user, "analyst-secret");
	}

	static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	static List<String> columns(JsonNode result) {
		List<String> names = new ArrayList<>();
		result.path("columns").forEach(c -> names.add(c.path("name").asString()));
		return names;
	}

	@Test
	void forecastModelFromCreateToDrop() {
		Http analyst = as("ml-analyst");
		// https://docs.snowflake.com/en/sql-reference/classes/forecast/commands/create-forecast (multi-series example)
		JsonNode created = ok(analyst.query("""
				CREATE OR REPLACE SNOWFLAKE.ML.FORECAST ml_sales(
				  INPUT_DATA => %s,
				  SERIES_COLNAME => 'store',
				  TIMESTAMP_COLNAME => 'sale_date',
				  TARGET_COLNAME => 'revenue'
				);""".formatted(SALES)));
		assertThat(created.path("rows").get(0).get(0).asString()).isEqualTo("Instance ml_sales successfully created.");
		assertThat(created.path("warnings")).isEmpty();

		// https://docs.snowflake.com/en/sql-reference/classes/forecast/methods/forecast
		JsonNode forecast = ok(analyst.query("CALL ml_sales!FORECAST(FORECASTING_PERIODS => 3);"));
		assertThat(columns(forecast)).containsExactly("SERIES", "TS", "FORECAST", "LOWER_BOUND", "UPPER_BOUND");
		assertThat(forecast.path("rows")).hasSize(4 * 3);
		JsonNode first = forecast.path("rows").get(0);
		assertThat(first.get(1).asString()).isEqualTo("2026-01-01 00:00:00");
		assertThat(first.get(2).asDouble()).isBetween(first.get(3).asDouble(), first.get(4).asDouble());
		JsonNode narrow = ok(analyst.query("CALL ml_sales!FORECAST(FORECASTING_PERIODS => 3, "
				+ "CONFIG_OBJECT => {'prediction_interval': 0.8})")).path("rows").get(0);
		assertThat(narrow.get(4).asDouble() - narrow.get(3).asDouble())
			.isLessThan(first.get(4).asDouble() - first.get(3).asDouble());
		JsonNode north = ok(analyst.query("CALL ml_sales!FORECAST(SERIES_VALUE => 'north', FORECASTING_PERIODS => 2)"));
		assertThat(north.path("rows")).hasSize(2);
		assertThat(north.path("rows").get(1).get(0).asString()).isEqualTo("north");
		// "call the method in the FROM clause of a SELECT statement" (same page)
		assertThat(ok(analyst.query("SELECT * FROM TABLE(ml_sales!FORECAST(FORECASTING_PERIODS => 2))")).path("rows"))
			.hasSize(8);

		// https://docs.snowflake.com/sql-reference/classes/forecast/methods/show_evaluation_metrics
		JsonNode metrics = ok(analyst.query("CALL ml_sales!SHOW_EVALUATION_METRICS();"));
		assertThat(columns(metrics)).containsExactly("SERIES", "ERROR_METRIC", "METRIC_VALUE", "STANDARD_DEVIATION", "LOGS");
		assertThat(metrics.path("rows")).hasSize(4 * 7);
		assertThat(metrics.toString()).contains("\"MAE\"", "\"MAPE\"", "\"MDA\"", "\"MSE\"", "\"SMAPE\"",
				"\"COVERAGE_INTERVAL=0.95\"", "\"WINKLER_ALPHA=0.05\"");
		assertThat(metrics.path("rows").get(0).get(2).asDouble()).isPositive();

		// https://docs.snowflake.com/en/sql-reference/classes/forecast/methods/explain_feature_importance.html
		JsonNode importance = ok(analyst.query("CALL ml_sales!EXPLAIN_FEATURE_IMPORTANCE();"));
		assertThat(columns(importance)).containsExactly("SERIES", "RANK", "FEATURE_NAME", "IMPORTANCE_SCORE", "FEATURE_TYPE");
		assertThat(importance.toString()).contains("\"day_of_week\",", "\"derived_from_timestamp\"",
				"\"aggregated_endogenous_trend_features\"", "\"derived_from_endogenous\"");
		for (JsonNode row : importance.path("rows")) {
			assertThat(row.get(3).asDouble()).isBetween(0.0, 1.0);
		}

		// https://docs.snowflake.com/en/sql-reference/classes/forecast/commands/show-forecast.html
		JsonNode show = ok(analyst.query("SHOW SNOWFLAKE.ML.FORECAST LIKE '%SALES%';"));
		assertThat(columns(show)).containsExactly("created_on", "name", "database_name", "schema_name",
				"current_version", "comment", "owner");
		assertThat(show.toString()).contains("\"ml_sales\"", "\"ml-analyst\"");

		ok(analyst.query("DROP SNOWFLAKE.ML.FORECAST ml_sales;"));
		HttpResponse<String> gone = analyst.query("CALL ml_sales!FORECAST(FORECASTING_PERIODS => 3)");
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(Http.json(gone).path("detail").asString()).contains("no SNOWFLAKE.ML model named ml_sales");
	}

	@Test
	void extraColumnsAreExogenousFeatures() {
		Http analyst = as("ml-analyst");
		// https://docs.snowflake.com/en/sql-reference/classes/forecast/commands/create-forecast: every other column of
		// INPUT_DATA is an exogenous variable; here the sales table's units
		JsonNode created = ok(analyst.query("""
				CREATE OR REPLACE SNOWFLAKE.ML.FORECAST ml_exogenous(
				  INPUT_DATA => TABLE(sales),
				  SERIES_COLNAME => 'store',
				  TIMESTAMP_COLNAME => 'sale_date',
				  TARGET_COLNAME => 'revenue'
				)"""));
		assertThat(created.path("warnings").toString()).contains("units", "does not use them yet");
		assertThat(ok(analyst.query("CALL ml_exogenous!EXPLAIN_FEATURE_IMPORTANCE()")).toString())
			.contains("\"units\",", "\"user_provided\"");
		// https://docs.snowflake.com/en/sql-reference/classes/forecast/methods/forecast: with exogenous variables the
		// future timestamps (and values) come as INPUT_DATA
		JsonNode forecast = ok(analyst.query("""
				CALL ml_exogenous!FORECAST(
				  INPUT_DATA => SYSTEM$QUERY_REFERENCE('SELECT DATEADD(day, 1096, sale_date) AS sale_date, store, units
				    FROM sales WHERE sale_date < DATE ''2023-01-08'''),
				  TIMESTAMP_COLNAME => 'sale_date')"""));
		assertThat(columns(forecast)).containsExactly("SERIES", "TS", "FORECAST", "LOWER_BOUND", "UPPER_BOUND");
		assertThat(forecast.path("rows")).hasSize(4 * 7);
		assertThat(forecast.path("rows").get(6).get(1).asString()).isEqualTo("2026-01-07 00:00:00");
		assertThat(forecast.path("warnings").toString()).contains("not used yet");
		ok(analyst.query("DROP SNOWFLAKE.ML.FORECAST ml_exogenous"));
	}

	@Test
	void anomalyDetectionOnNewData() {
		Http analyst = as("ml-analyst");
		// https://docs.snowflake.com/en/sql-reference/classes/anomaly-detection/commands/create-anomaly-detection
		ok(analyst.query("""
				CREATE OR REPLACE SNOWFLAKE.ML.ANOMALY_DETECTION ml_detector(
				  INPUT_DATA => SYSTEM$QUERY_REFERENCE('SELECT sale_date, store, revenue FROM sales
				    WHERE sale_date < DATE ''2025-06-01'''),
				  SERIES_COLNAME => 'store',
				  TIMESTAMP_COLNAME => 'sale_date',
				  TARGET_COLNAME => 'revenue',
				  LABEL_COLNAME => ''
				);"""));
		// https://docs.snowflake.com/sql-reference/classes/anomaly-detection/methods/detect_anomalies
		String detect = """
				ml_detector!DETECT_ANOMALIES(
				  INPUT_DATA => SYSTEM$QUERY_REFERENCE('SELECT sale_date, store, revenue FROM sales
				    WHERE sale_date >= DATE ''2025-06-01'''),
				  SERIES_COLNAME => 'store',
				  TIMESTAMP_COLNAME => 'sale_date',
				  TARGET_COLNAME => 'revenue'
				)""";
		JsonNode result = ok(analyst.query("CALL " + detect + ";"));
		assertThat(columns(result)).containsExactly("SERIES", "TS", "Y", "FORECAST", "LOWER_BOUND", "UPPER_BOUND",
				"IS_ANOMALY", "PERCENTILE", "DISTANCE");
		assertThat(result.path("rows")).hasSize(4 * 214);
		List<String> flagged = new ArrayList<>();
		for (JsonNode row : result.path("rows")) {
			if (row.get(6).asBoolean()) {
				flagged.add(row.get(0).asString() + " " + row.get(1).asString().substring(0, 10));
			}
			assertThat(row.get(7).asDouble()).isBetween(0.0, 1.0);
		}
		// the injected spike and drop are found; the rest of what is flagged is the holidays of the sample's second half
		assertThat(flagged).contains("north 2025-09-15", "west 2025-11-03").hasSizeLessThan(4 * 214 * 15 / 100);
		assertThat(ok(analyst.query("SELECT * FROM TABLE(" + detect + ")")).path("rows")).hasSize(4 * 214);

		// a supervised detector: LABEL_COLNAME names a BOOLEAN column of known anomalies
		JsonNode supervised = ok(analyst.query("""
				CREATE OR REPLACE SNOWFLAKE.ML.ANOMALY_DETECTION ml_labelled(
				  INPUT_DATA => SYSTEM$QUERY_REFERENCE('SELECT sale_date, revenue,
				    sale_date = DATE ''2024-03-12'' AS known FROM sales WHERE store = ''north'''),
				  TIMESTAMP_COLNAME => 'sale_date',
				  TARGET_COLNAME => 'revenue',
				  LABEL_COLNAME => 'known')"""));
		assertThat(supervised.path("warnings")).isEmpty();
		JsonNode show = ok(analyst.query("SHOW SNOWFLAKE.ML.ANOMALY_DETECTION"));
		assertThat(show.toString()).contains("\"ml_detector\"", "\"ml_labelled\"");
		HttpResponse<String> wrongKind = analyst.query("CALL ml_detector!FORECAST(FORECASTING_PERIODS => 3)");
		assertThat(wrongKind.statusCode()).isEqualTo(400);
		assertThat(Http.json(wrongKind).path("detail").asString()).contains("is a SNOWFLAKE.ML.ANOMALY_DETECTION model");
	}

	@Test
	void ownersSeeUseAndDropOnlyTheirModels() {
		Http other = as("ml-other");
		ok(other.query("CREATE OR REPLACE SNOWFLAKE.ML.FORECAST ml_private(INPUT_DATA => " + SALES
				+ ", SERIES_COLNAME => 'store', TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue')"));
		Http analyst = as("ml-analyst");
		HttpResponse<String> drop = analyst.query("DROP SNOWFLAKE.ML.FORECAST ml_private");
		assertThat(drop.statusCode()).isEqualTo(404);
		assertThat(analyst.query("CALL ml_private!FORECAST(FORECASTING_PERIODS => 1)").statusCode()).isEqualTo(404);
		assertThat(ok(analyst.query("SHOW SNOWFLAKE.ML.FORECAST")).toString()).doesNotContain("ml_private");
		// the datasets page lists each user's own models
		String page = Http.signedIn(port, "ml-other", "analyst-secret").page("/insights").body();
		assertThat(page).contains("id=\"ml-model-ml_private\"", "SNOWFLAKE.ML.FORECAST");
		assertThat(Http.signedIn(port, "ml-analyst", "analyst-secret").page("/insights").body())
			.contains("id=\"ml-models\"")
			.doesNotContain("ml-model-ml_private");
		HttpResponse<String> taken = analyst.query("CREATE OR REPLACE SNOWFLAKE.ML.FORECAST ml_private(INPUT_DATA => "
				+ SALES + ", SERIES_COLNAME => 'store', TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue')");
		assertThat(taken.statusCode()).isEqualTo(409);
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(ok(admin.query("SHOW SNOWFLAKE.ML.FORECAST")).toString()).contains("\"ml_private\"", "\"ml-other\"");
		assertThat(ok(admin.query("CALL ml_private!FORECAST(FORECASTING_PERIODS => 1)")).path("rows")).hasSize(4);
		ok(admin.query("DROP SNOWFLAKE.ML.FORECAST ml_private"));
		assertThat(other.query("CALL ml_private!FORECAST(FORECASTING_PERIODS => 1)").statusCode()).isEqualTo(404);
	}

	@Test
	void mistakesAreRefusedWithAReason() {
		Http analyst = as("ml-analyst");
		HttpResponse<String> unknown = analyst.query("CALL no_such_model!FORECAST(FORECASTING_PERIODS => 3)");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Http.json(unknown).path("detail").asString()).contains("no SNOWFLAKE.ML model named no_such_model");
		HttpResponse<String> badColumn = analyst.query("CREATE SNOWFLAKE.ML.FORECAST ml_bad(INPUT_DATA => TABLE(sales), "
				+ "TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'profit')");
		assertThat(badColumn.statusCode()).isEqualTo(400);
		assertThat(Http.json(badColumn).path("detail").asString()).contains("TARGET_COLNAME 'profit' is not a column");
		// the INPUT_DATA query passes the same guard as any query: data stays read-only
		HttpResponse<String> write = analyst.query("CREATE SNOWFLAKE.ML.FORECAST ml_bad(INPUT_DATA => "
				+ "SYSTEM$QUERY_REFERENCE('DELETE FROM sales'), TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue')");
		assertThat(write.statusCode()).isEqualTo(400);
		assertThat(Http.json(write).path("detail").asString()).contains("DELETE is not allowed");
		HttpResponse<String> periods = analyst.query("CREATE OR REPLACE SNOWFLAKE.ML.FORECAST ml_short(INPUT_DATA => "
				+ SALES + ", SERIES_COLNAME => 'store', TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue')");
		ok(periods);
		assertThat(Http.json(analyst.query("CALL ml_short!FORECAST(FORECASTING_PERIODS => 0)")).path("detail").asString())
			.contains("FORECASTING_PERIODS");
		assertThat(Http.json(analyst.query("CALL ml_short!PREDICT()")).path("detail").asString())
			.contains("is not a method");
		ok(analyst.query("DROP SNOWFLAKE.ML.FORECAST IF EXISTS ml_short"));
		ok(analyst.query("DROP SNOWFLAKE.ML.FORECAST IF EXISTS ml_short"));
		assertThat(analyst.query("CREATE TABLE t (a int)").statusCode()).isEqualTo(400);
	}

}
