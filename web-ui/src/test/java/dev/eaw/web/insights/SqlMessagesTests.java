package dev.eaw.web.insights;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL box says what to change: one statement at a time, quoted reserved words; decimals keep their scale. */
@AppTest
class SqlMessagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@Test
	void twoStatementsAreRefusedAsTwoNotAsASyntaxError() {
		HttpResponse<String> response = admin().query("SELECT 1; DROP TABLE sales");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString())
			.isEqualTo("Run one statement at a time: this text has 2.");
		assertThat(jdbc.sql("SELECT to_regclass('insights_data.sales')::text").query(String.class).single()).isNotNull();
		assertThat(Http.json(admin().query("SELECT 1; SELECT 2;\n-- done\n")).path("detail").asString())
			.isEqualTo("Run one statement at a time: this text has 2.");
	}

	@Test
	void aTrailingSemicolonAndSemicolonsInStringsAreOneStatement() {
		HttpResponse<String> trailing = admin().query("SELECT 1 AS one;");
		assertThat(trailing.statusCode()).as(trailing.body()).isEqualTo(200);
		JsonNode result = Http.json(admin().query("SELECT 'a;b' AS \"x;y\" -- ; not a statement\n;  "));
		assertThat(result.path("rows").get(0).get(0).asString()).isEqualTo("a;b");
	}

	@Test
	void aReservedWordAsANameSaysHowToQuoteIt() {
		HttpResponse<String> response = admin().query("SELECT date FROM sales");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString())
			.isEqualTo("`date` is a reserved word in SQL: write it as \"date\" to use it as a name (line 1, column 8).");
		assertThat(Http.json(admin().query("SELECT s.time FROM sales s")).path("detail").asString())
			.startsWith("`time` is a reserved word in SQL: write it as \"time\"");
		// a misplaced keyword is still a syntax error, not a reserved name
		assertThat(Http.json(admin().query("SELECT FROM WHERE")).path("detail").asString()).startsWith("Syntax error");
	}

	@Test
	void decimalsKeepTheirScaleInJsonAndCsv() {
		String sql = "SELECT CAST(48.50 AS NUMERIC(10,2)) AS amount, CAST(ROUND(revenue) AS NUMERIC(12,2)) AS revenue "
				+ "FROM sales ORDER BY sale_date, store LIMIT 1";
		HttpResponse<String> json = admin().query(sql);
		assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
		assertThat(json.body()).contains("[48.50,").containsPattern("\\[48\\.50,\\d+\\.00\\]");
		HttpResponse<String> csv = admin().postJsonAccepting("/api/insights/query",
				Http.JSON.writeValueAsString(java.util.Map.of("sql", sql)), "text/csv");
		assertThat(csv.body().lines().toList().get(1)).matches("48\\.50,\\d+\\.00");
	}

}
