package dev.eaw.web.insights;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** FORECAST and DETECT_ANOMALIES over the demo sales dataset, through the query API. */
@AppTest
class TimeSeriesTests {

	@LocalServerPort
	int port;

	JsonNode rows(String sql) {
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).query(sql);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response).path("rows");
	}

	@Test
	void forecastsEverySeriesAfterTheHistoryWithABand() {
		JsonNode rows = rows("""
				SELECT series, ts, forecast, lower_bound, upper_bound
				FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 30, 'store')) ORDER BY series, ts""");
		assertThat(rows.size()).isEqualTo(4 * 30);
		assertThat(rows.get(0).get(0).asString()).isEqualTo("east");
		assertThat(rows.get(0).get(1).asString()).isEqualTo("2026-01-01");
		assertThat(rows.get(29).get(1).asString()).isEqualTo("2026-01-30");
		for (JsonNode row : rows) {
			assertThat(row.get(3).asDouble()).isLessThanOrEqualTo(row.get(2).asDouble());
			assertThat(row.get(2).asDouble()).isLessThanOrEqualTo(row.get(4).asDouble());
		}
		// the weekly pattern carries into the forecast: Saturdays well above Mondays
		JsonNode saturday = rows("SELECT forecast FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 7, 'store', 0.8)) "
				+ "WHERE series = 'north' AND ts = DATE '2026-01-03'");
		JsonNode monday = rows("SELECT forecast FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 7, 'store', 0.8)) "
				+ "WHERE series = 'north' AND ts = DATE '2026-01-05'");
		assertThat(saturday.get(0).get(0).asDouble()).isGreaterThan(monday.get(0).get(0).asDouble() * 1.2);
	}

	@Test
	void findsTheInjectedAnomalies() {
		JsonNode rows = rows("""
				SELECT series, ts FROM TABLE(DETECT_ANOMALIES('sales', 'sale_date', 'revenue', 'store'))
				WHERE is_anomaly ORDER BY series, ts""");
		String flagged = rows.toString();
		assertThat(flagged).contains("[\"north\",\"2024-03-12\"]", "[\"east\",\"2024-08-20\"]", "[\"south\",\"2025-05-06\"]",
				"[\"north\",\"2025-09-15\"]", "[\"west\",\"2025-11-03\"]");
		assertThat(rows.size()).isLessThan(4384 * 8 / 100);
		JsonNode normal = rows("""
				SELECT is_anomaly, score FROM TABLE(DETECT_ANOMALIES('sales', 'sale_date', 'revenue', 'store'))
				WHERE series = 'north' AND ts = DATE '2025-06-11'""");
		assertThat(normal.get(0).get(0).asBoolean()).isFalse();
		assertThat(normal.get(0).get(1).asDouble()).isLessThan(1);
	}

	@Test
	void badArgumentsAreExplained() {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(Http.json(admin.query("SELECT * FROM TABLE(FORECAST('sales', 'store', 'revenue', 5))")).path("detail")
			.asString()).contains("'store' is not a date or timestamp column");
		assertThat(Http.json(admin.query("SELECT * FROM TABLE(FORECAST('no_such_data', 'd', 'v', 5))")).path("detail")
			.asString()).contains("no_such_data");
		assertThat(Http.json(admin.query("SELECT * FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 5, 'store', 1.5))"))
			.path("detail").asString()).contains("between 0 and 1");
		assertThat(Http.json(admin.query("SELECT * FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 0))")).path("detail")
			.asString()).contains("horizon");
	}

}
