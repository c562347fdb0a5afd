package dev.eaw.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@AppTest
class PlatformStartupTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void runsOnARealEmbeddedPostgres() {
		String version = jdbc.sql("SHOW server_version").query(String.class).single();
		assertThat(version).startsWith("16.");
		assertThat(jdbc.sql("SELECT inet_server_port()").query(Integer.class).single()).isPositive();
	}

	@Test
	void flywayMigratedEverySchemaFromItsOwnModule() {
		for (String schema : new String[] { "kernel", "insights", "mlops", "docqa" }) {
			Integer applied = jdbc
				.sql("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success AND version IS NOT NULL")
				.query(Integer.class)
				.single();
			assertThat(applied).as("migrations applied in %s", schema).isPositive();
		}
		assertThat(jdbc.sql("SELECT to_regclass('kernel.users')::text").query(String.class).single())
			.isEqualTo("kernel.users");
		assertThat(jdbc.sql("SELECT to_regclass('insights.datasets')::text").query(String.class).single())
			.isEqualTo("insights.datasets");
		assertThat(jdbc.sql("SELECT to_regclass('mlops.runs')::text").query(String.class).single())
			.isEqualTo("mlops.runs");
		assertThat(jdbc.sql("SELECT to_regclass('docqa.documents')::text").query(String.class).single())
			.isEqualTo("docqa.documents");
		assertThat(jdbc.sql("SELECT name FROM mlops.experiments WHERE experiment_id = 0").query(String.class).single())
			.isEqualTo("Default");
	}

	@Test
	void healthIsPublicAndReportsTheDatabaseAndEachModule() {
		HttpResponse<String> response = Http.anonymous(port).get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = Http.json(response);
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
		for (String module : new String[] { "insights", "mlops", "docqa" }) {
			assertThat(health.path("components").path("modules").path("components").path(module).path("status").asString())
				.isEqualTo("UP");
		}
	}

	@Test
	void overviewCountsComeFromTheModulesTables() {
		jdbc.sql("INSERT INTO docqa.collections (name, created_by) VALUES ('overview-test', 'test')").update();
		try {
			JsonNode overview = Http.json(Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).get("/api/overview"));
			assertThat(overview.size()).isEqualTo(3);
			JsonNode docqa = null;
			for (JsonNode module : overview) {
				if (module.path("module").asString().equals("docqa")) {
					docqa = module;
				}
			}
			assertThat(docqa).isNotNull();
			assertThat(docqa.path("up").asBoolean()).isTrue();
			assertThat(docqa.path("counts").path("collections").asLong()).isGreaterThanOrEqualTo(1);
		}
		finally {
			jdbc.sql("DELETE FROM docqa.collections WHERE name = 'overview-test'").update();
		}
	}

	@Test
	void apiIsDescribedByOpenApi() {
		HttpResponse<String> response = Http.anonymous(port).get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = Http.json(response).path("paths");
		assertThat(paths.has("/api/tokens")).isTrue();
		assertThat(paths.has("/api/tokens/{id}")).isTrue();
		assertThat(paths.has("/api/admin/users")).isTrue();
		assertThat(paths.has("/api/overview")).isTrue();
		assertThat(Http.anonymous(port).get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	@Test
	void theChartScriptEveryChartPageLoadsIsServed() {
		// only echarts.min.js is copied out of the echarts webjar (the webjar itself stays out of the jar)
		Http admin = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		for (String page : new String[] { "/insights/sql", "/insights/dashboard" }) {
			String html = admin.get(page).body();
			Matcher script = Pattern.compile("src=\"([^\"]*echarts\\.min\\.js)\"")
				.matcher(html);
			assertThat(script.find()).as("%s loads echarts", page).isTrue();
			HttpResponse<String> js = Http.anonymous(port).get(script.group(1));
			assertThat(js.statusCode()).isEqualTo(200);
			assertThat(js.body()).contains("echarts").hasSizeGreaterThan(500_000);
		}
	}

	@Test
	void prometheusIsForAdminsAndTokensOnly() {
		assertThat(Http.anonymous(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
	}

}
