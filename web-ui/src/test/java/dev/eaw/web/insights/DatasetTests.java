package dev.eaw.web.insights;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.insights.samples.DemoContent;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Loading CSV files over the REST API: inference, COPY, and every kind of bad input leaving nothing behind. */
@AppTest
class DatasetTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoContent demo;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	HttpResponse<String> upload(String name, String csv) {
		return admin().upload("/api/insights/datasets", name + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("name", name));
	}

	@Test
	void aCsvIsInferredLoadedAndQueriedByName() {
		String csv = "Order ID;Order Date;Amount;Paid;Customer\n1;2024-01-05;19.90;yes;Ann\n2;2024-01-06;5;no;\"Bob; Jr.\"\n"
				+ "3;2024-02-01;120.5;yes;\"Multi\nline\"\n";
		HttpResponse<String> created = upload("orders_infer", csv);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode dataset = Http.json(created);
		assertThat(dataset.path("rowCount").asLong()).isEqualTo(3);
		assertThat(dataset.path("columns").toString()).contains("\"order_id\"", "\"INTEGER\"", "\"order_date\"", "\"DATE\"",
				"\"amount\"", "\"DECIMAL\"", "\"paid\"", "\"BOOLEAN\"", "\"customer\"", "\"TEXT\"");

		JsonNode result = Http.json(admin().query("SELECT customer, amount FROM orders_infer WHERE paid ORDER BY order_id"));
		assertThat(result.path("rows").toString()).isEqualTo("[[\"Ann\",19.9],[\"Multi\\nline\",120.5]]");

		JsonNode preview = Http.json(admin().get("/api/insights/datasets/orders_infer"));
		assertThat(preview.path("rows").size()).isEqualTo(3);
		assertThat(preview.path("stats").get(2).path("mean").asDouble()).isCloseTo(48.4666, org.assertj.core.data.Offset.offset(0.001));
	}

	@Test
	void theInspectionShowsWhatWasInferredWithoutLoading() {
		HttpResponse<String> response = admin().upload("/api/insights/datasets/inspect", "x.csv",
				"a\tb\n1\t2024-01-01 10:00\n2\t2024-01-02 11:30:15\n".getBytes(StandardCharsets.UTF_8), Map.of());
		JsonNode layout = Http.json(response).path("layout");
		assertThat(layout.path("delimiter").asString()).isEqualTo("\t");
		assertThat(layout.path("header").asBoolean()).isTrue();
		assertThat(layout.path("columns").toString()).contains("INTEGER", "TIMESTAMP");
		assertThat(admin().get("/api/insights/datasets").body()).doesNotContain("\"x\"");
	}

	@Test
	void aRaggedRowIsRefusedNamingItsLineAndNothingIsLeftBehind() {
		long datasetsBefore = count();
		HttpResponse<String> response = upload("ragged", "a,b,c\n1,2,3\n4,5\n6,7,8\n");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).contains("Line 3", "2 field(s), expected 3");
		assertNoTable("ragged");
		assertThat(count()).isEqualTo(datasetsBefore);
	}

	@Test
	void aBadDateInADateColumnIsRefusedNamingLineAndColumn() {
		HttpResponse<String> response = admin().upload("/api/insights/datasets", "dates.csv",
				"id,when\n1,2024-01-01\n2,2024-13-45\n".getBytes(StandardCharsets.UTF_8),
				Map.of("name", "bad_dates", "types", "when:date"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).contains("Line 3", "'when'", "2024-13-45", "date");
		assertNoTable("bad_dates");
	}

	@Test
	void namesThatAreTakenOrHostileAreRefused() {
		assertThat(upload("dup_name", "a\n1\n").statusCode()).isEqualTo(201);
		HttpResponse<String> again = upload("dup_name", "a\n2\n");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(Http.json(admin().query("SELECT a FROM dup_name")).path("rows").toString()).isEqualTo("[[1]]");

		HttpResponse<String> hostile = upload("x; DROP TABLE reviews", "a\n1\n");
		assertThat(hostile.statusCode()).isEqualTo(400);
		assertThat(Http.json(hostile).path("detail").asString()).contains("cannot be a dataset name");
		assertThat(upload("select", "a\n1\n").statusCode()).isEqualTo(400);
		assertThat(Http.json(admin().query("SELECT COUNT(*) FROM reviews")).path("rows").get(0).get(0).asLong()).isEqualTo(2000);
	}

	@Test
	void emptyBinaryAndNonUtf8FilesAreRefused() {
		HttpResponse<String> empty = admin().upload("/api/insights/datasets", "empty.csv", new byte[0], Map.of("name", "empty_one"));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(Http.json(empty).path("detail").asString()).contains("empty");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		HttpResponse<String> binary = admin().upload("/api/insights/datasets", "image.csv", png, Map.of("name", "binary_one"));
		assertThat(binary.statusCode()).isEqualTo(400);
		assertThat(Http.json(binary).path("detail").asString()).contains("binary");
		assertNoTable("empty_one");
		assertNoTable("binary_one");
	}

	@Test
	void anOversizedUploadGetsA413Problem() {
		byte[] big = new byte[21 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		HttpResponse<String> response = admin().upload("/api/insights/datasets", "big.csv", big, Map.of("name", "too_big"));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertNoTable("too_big");
	}

	@Test
	void datasetsAreRenamedAndDeleted() {
		assertThat(upload("to_rename", "a,b\n1,x\n").statusCode()).isEqualTo(201);
		assertThat(admin().patchJson("/api/insights/datasets/to_rename", "{\"name\": \"renamed_one\"}").statusCode()).isEqualTo(200);
		assertThat(Http.json(admin().query("SELECT b FROM renamed_one")).path("rows").toString()).isEqualTo("[[\"x\"]]");
		assertThat(admin().delete("/api/insights/datasets/renamed_one").statusCode()).isEqualTo(204);
		assertNoTable("renamed_one");
		assertThat(admin().get("/api/insights/datasets/renamed_one").statusCode()).isEqualTo(404);
	}

	@Test
	void aLargeFileLoadsInTheBackgroundWithProgress() throws Exception {
		StringBuilder csv = new StringBuilder("id,day,value,label\n");
		for (int i = 0; i < 200_000; i++) {
			csv.append(i).append(",2024-01-").append(10 + i % 20).append(',').append(i * 0.5).append(",row ").append(i).append('\n');
		}
		HttpResponse<String> accepted = admin().upload("/api/insights/datasets", "big.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("name", "large_async", "async", "true"));
		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode job = Http.json(accepted);
		for (int i = 0; i < 600 && !job.path("status").asString().equals("done"); i++) {
			assertThat(job.path("status").asString()).isNotEqualTo("failed");
			Thread.sleep(100);
			job = Http.json(admin().get(location));
		}
		assertThat(job.path("status").asString()).isEqualTo("done");
		assertThat(job.path("rows").asLong()).isEqualTo(200_000);
		assertThat(job.path("percent").asInt()).isEqualTo(100);
		assertThat(Http.json(admin().query("SELECT COUNT(*), SUM(\"value\") FROM large_async")).path("rows").toString())
			.isEqualTo("[[200000,9.99995E9]]");
	}

	@Test
	void aViewerCanListButNotLoad() {
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD)
			.postJson("/api/admin/users", "{\"username\": \"ds-viewer\", \"password\": \"viewer-secret\", \"role\": \"VIEWER\"}");
		assertThat(response.statusCode()).isIn(201, 409);
		Http viewer = Http.basic(port, "ds-viewer", "viewer-secret");
		assertThat(viewer.get("/api/insights/datasets").statusCode()).isEqualTo(200);
		assertThat(viewer.upload("/api/insights/datasets", "v.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8),
				Map.of("name", "viewer_try")).statusCode()).isEqualTo(403);
		assertThat(viewer.query("SELECT 1").statusCode()).isEqualTo(403);
	}

	@Test
	void theDemoDatasetsAreLoadedOnFirstStart() {
		assertThat(rows("SELECT COUNT(*) FROM reviews")).isEqualTo("[[2000]]");
		assertThat(rows("SELECT COUNT(*) FROM sales")).isEqualTo("[[4384]]");
		assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT customer_id) FROM churn")).isEqualTo("[[5000,5000]]");
		assertThat(rows("SELECT churned, senior_citizen, tenure_months, monthly_charges FROM churn WHERE customer_id = 'C00001'"))
			.matches("\\[\\[\"(yes|no)\",\"(yes|no)\",\\d+,[0-9.]+\\]\\]");
		assertThat(jdbc.sql("""
				SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
				FROM information_schema.columns WHERE table_schema = 'insights_data' AND table_name = 'churn'""")
			.query(String.class).single()).isEqualTo("customer_id text, tenure_months bigint, contract text, "
					+ "internet_service text, payment_method text, monthly_charges double precision, "
					+ "total_charges double precision, support_calls bigint, senior_citizen text, churned text");
	}

	@Test
	void aDeletedDemoDatasetStaysDeletedAndAnOlderInstallationGetsTheChurnSampleOnce() throws Exception {
		assertThat(admin().delete("/api/insights/datasets/churn").statusCode()).isEqualTo(204);
		assertThat(demo.createOnce()).isFalse();
		assertNoTable("churn");
		// an installation from before the churn sample: the demo marker, no churn marker
		jdbc.sql("DELETE FROM insights.app_state WHERE key = 'demo.churn.created'").update();
		assertThat(demo.createOnce()).isFalse();
		assertThat(rows("SELECT COUNT(*) FROM churn")).isEqualTo("[[5000]]");
		assertThat(rows("SELECT COUNT(*) FROM reviews")).isEqualTo("[[2000]]");
	}

	private String rows(String sql) {
		HttpResponse<String> response = admin().query(sql);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response).path("rows").toString();
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM insights.datasets").query(Long.class).single();
	}

	private void assertNoTable(String name) {
		assertThat(jdbc.sql("SELECT to_regclass('insights_data.' || quote_ident(?))::text").param(name)
			.query(String.class).optional().orElse(null)).isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM insights.datasets WHERE name = ?").param(name).query(Long.class).single())
			.isZero();
	}

}
