package dev.eaw.web.insights;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing typed in the SQL box can change anything or read outside the datasets. */
@AppTest
class QuerySafetyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DELETE FROM reviews", "UPDATE reviews SET stars = 0", "INSERT INTO reviews VALUES (1)",
			"DROP TABLE reviews", "TRUNCATE reviews", "CREATE TABLE x (a int)", "ALTER TABLE reviews RENAME TO r",
			"SET ROLE postgres", "RESET ROLE", "GRANT ALL ON reviews TO public", "COPY reviews TO '/tmp/x'",
			"SELECT 1; DELETE FROM reviews", "/* hi */ DELETE FROM reviews", "(DELETE FROM reviews)",
			"MERGE INTO reviews USING sales ON true WHEN MATCHED THEN DELETE", "BEGIN", "VACUUM",
			"SELECT * FROM kernel.users", "SELECT * FROM insights.datasets", "SELECT * FROM pg_catalog.pg_authid",
			"SELECT pg_sleep(1)", "SELECT * FROM information_schema.tables" })
	void unsafeSqlIsRefusedWithAReason(String sql) {
		long reviews = reviews();
		HttpResponse<String> response = admin().query(sql);
		assertThat(response.statusCode()).as(sql).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).isNotBlank();
		assertThat(reviews()).isEqualTo(reviews);
		assertThat(jdbc.sql("SELECT to_regclass('insights_data.reviews')::text").query(String.class).single()).isNotNull();
	}

	@Test
	void theReaderRoleCanReadDatasetsAndNothingElse() throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SET ROLE eaw_insights_reader");
			try {
				assertThat(statement.executeQuery("SELECT count(*) FROM insights_data.reviews").next()).isTrue();
				assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM insights_data.reviews"))
					.hasMessageContaining("permission denied");
				assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM kernel.users"))
					.hasMessageContaining("permission denied");
				assertThatThrownBy(() -> statement.execute("CREATE TABLE insights_data.evil (a int)"))
					.hasMessageContaining("permission denied");
			}
			finally {
				statement.execute("RESET ROLE");
			}
		}
	}

	@Test
	void resultsAreCappedAndSayWhenTheyWereCut() {
		JsonNode result = Http.json(admin().query("SELECT * FROM sales"));
		assertThat(result.path("rowCount").asInt()).isEqualTo(4384);
		assertThat(result.path("truncated").asBoolean()).isFalse();
		JsonNode big = Http.json(admin().query("SELECT a.review_id FROM reviews a CROSS JOIN (VALUES (1), (2), (3), (4), (5), (6)) AS t(x)"));
		assertThat(big.path("rowCount").asInt()).isEqualTo(10_000);
		assertThat(big.path("truncated").asBoolean()).isTrue();
	}

	@Test
	void aSyntaxErrorSaysWhere() {
		HttpResponse<String> response = admin().query("SELEC * FROM reviews");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).contains("line 1");
	}

	@Test
	void queriesJoinAndAggregateAcrossDatasets() {
		HttpResponse<String> response = admin().query("""
				SELECT s.store, COUNT(*) AS days, ROUND(AVG(s.revenue), 2) AS avg_revenue
				FROM sales s WHERE s.sale_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
				GROUP BY s.store ORDER BY s.store""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = Http.json(response);
		assertThat(result.path("rows").size()).isEqualTo(4);
		assertThat(result.path("rows").get(0).get(2).asDouble()).isGreaterThan(1000);
		assertThat(result.path("rows").get(0).get(0).asString()).isEqualTo("east");
		assertThat(result.path("rows").get(0).get(1).asInt()).isEqualTo(365);
		assertThat(result.path("columns").get(2).path("type").asString()).isEqualTo("number");
	}

	@Test
	void theResultDownloadsAsCsv() {
		HttpResponse<String> csv = admin().postJsonAccepting("/api/insights/query",
				"{\"sql\": \"SELECT review_id, product FROM reviews ORDER BY review_id LIMIT 2\"}", "text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.body().lines().toList()).hasSize(3).first().isEqualTo("review_id,product");
	}

	@Test
	void everyRunIsInTheHistory() {
		admin().query("SELECT 42 AS answer");
		assertThat(admin().get("/api/insights/history").body()).contains("SELECT 42 AS answer");
	}

	private long reviews() {
		return jdbc.sql("SELECT count(*) FROM insights_data.reviews").query(Long.class).single();
	}

}
