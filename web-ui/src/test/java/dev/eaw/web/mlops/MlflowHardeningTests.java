package dev.eaw.web.mlops;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * The MLflow API under hostile or careless input: searches are bounded (a VIEWER's 500-comparison filter kept
 * PostgreSQL planning for minutes), and bad values (NUL characters, over-long names, filters on keys a search does not
 * have) are MLflow's 400 INVALID_PARAMETER_VALUE in plain words, never a 500 or PostgreSQL's text.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlflowHardeningTests {

	private static final String API = "/api/2.0/mlflow";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	String experimentId;

	@BeforeAll
	void data() {
		accounts.create("hardening-viewer", "viewer-secret", Role.VIEWER, "test");
		experimentId = Http.json(admin().postJson(API + "/experiments/create",
				"{\"name\": \"hardening-" + UUID.randomUUID() + "\"}")).path("experiment_id").asString();
		for (int i = 0; i < 3; i++) {
			String runId = Http.json(admin().postJson(API + "/runs/create", "{\"experiment_id\": \"" + experimentId
					+ "\"}")).path("run").path("info").path("run_id").asString();
			String metrics = IntStream.range(0, 60)
				.mapToObj(m -> "{\"key\": \"m" + m + "\", \"value\": 1, \"timestamp\": 1}")
				.collect(Collectors.joining(", "));
			assertThat(admin().postJson(API + "/runs/log-batch", "{\"run_id\": \"" + runId + "\", \"metrics\": ["
					+ metrics + "]}").statusCode()).isEqualTo(200);
		}
	}

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	Http viewer() {
		return Http.basic(port, "hardening-viewer", "viewer-secret");
	}

	@Test
	void aViewersFiveHundredComparisonFilterIsRefusedAtOnce() {
		long started = System.nanoTime();
		HttpResponse<String> refused = viewer().postJson(API + "/runs/search", "{\"experiment_ids\": [\""
				+ experimentId + "\"], \"filter\": \"" + metricClauses(500) + "\"}");
		assertRefused(refused, "at most 50 comparisons");
		assertThat(System.nanoTime() - started).as("did not hang").isLessThan(20_000_000_000L);
		assertRefused(viewer().postJson(API + "/experiments/search", "{\"filter\": \"" + tagClauses(500) + "\"}"),
				"at most 50 comparisons");
		assertRefused(viewer().get(API + "/registered-models/search?filter=" + encode(tagClauses(60))),
				"at most 50 comparisons");
		assertRefused(viewer().get(API + "/model-versions/search?filter=" + encode(tagClauses(60))),
				"at most 50 comparisons");
	}

	@Test
	void fiftyComparisonsStillAnswer() {
		long started = System.nanoTime();
		HttpResponse<String> found = viewer().postJson(API + "/runs/search", "{\"experiment_ids\": [\""
				+ experimentId + "\"], \"filter\": \"" + metricClauses(50) + "\"}");
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		assertThat(Http.json(found).path("runs")).hasSize(3);
		assertThat(System.nanoTime() - started).as("did not hang").isLessThan(20_000_000_000L);
	}

	@Test
	void longListsAndManyOrderByClausesAreRefused() {
		String ids = IntStream.range(0, 70_000).mapToObj(i -> "'r" + i + "'").collect(Collectors.joining(", "));
		assertRefused(viewer().postJson(API + "/runs/search", "{\"experiment_ids\": [\"" + experimentId
				+ "\"], \"filter\": \"attributes.run_id IN (" + ids + ")\"}"), "at most 1000 values");
		String orderBy = IntStream.range(0, 2000)
			.mapToObj(i -> "\"metrics.m" + i + " DESC\"")
			.collect(Collectors.joining(", "));
		assertRefused(viewer().postJson(API + "/runs/search", "{\"experiment_ids\": [\"" + experimentId
				+ "\"], \"order_by\": [" + orderBy + "]}"), "at most 10 order_by clauses");
		assertRefused(viewer().postJson(API + "/experiments/search", "{\"order_by\": [" + orderBy.replace("metrics.m",
				"tags.t") + "]}"), "at most 10 order_by clauses");
		String experiments = IntStream.range(0, 70_000).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
		assertRefused(viewer().postJson(API + "/runs/search", "{\"experiment_ids\": [" + experiments + "]}"),
				"at most 1000 values");
	}

	@Test
	void nulCharactersAreRefused() {
		assertRefused(admin().postJson(API + "/experiments/create", "{\"name\": \"nul\\u0000name\"}"), "NUL");
		assertRefused(viewer().get(API + "/experiments/get-by-name?experiment_name=a%00b"), "NUL");
		assertRefused(admin().postJson(API + "/runs/create", "{\"experiment_id\": \"" + experimentId
				+ "\", \"run_name\": \"r\\u0000\"}"), "NUL");
		String runId = Http.json(admin().postJson(API + "/runs/create", "{\"experiment_id\": \"" + experimentId
				+ "\"}")).path("run").path("info").path("run_id").asString();
		assertRefused(admin().postJson(API + "/runs/log-parameter", "{\"run_id\": \"" + runId
				+ "\", \"key\": \"k\\u0000\", \"value\": \"v\"}"), "NUL");
		assertRefused(admin().postJson(API + "/runs/set-tag", "{\"run_id\": \"" + runId
				+ "\", \"key\": \"\\u0000\", \"value\": \"v\"}"), "NUL");
		assertRefused(admin().postJson(API + "/runs/log-batch", "{\"run_id\": \"" + runId
				+ "\", \"tags\": [{\"key\": \"k\", \"value\": \"\\u0000\"}]}"), "NUL");
		assertRefused(admin().postJson(API + "/registered-models/create", "{\"name\": \"model\\u0000\"}"), "NUL");
		assertRefused(viewer().postJson(API + "/runs/search", "{\"experiment_ids\": [\"" + experimentId
				+ "\"], \"filter\": \"params.p = 'a\\u0000'\"}"), "NUL");
		assertRefused(viewer().get(API + "/registered-models/search?filter=" + encode("name = 'a\0'")), "NUL");
	}

	@Test
	void experimentsAreSearchedOnlyByTheirOwnKeys() {
		assertRefused(viewer().postJson(API + "/experiments/search", "{\"filter\": \"metrics.a > 1\"}"),
				"name, creation_time, last_update_time and tags.<key>");
		assertRefused(viewer().postJson(API + "/experiments/search", "{\"filter\": \"params.a = 'x'\"}"),
				"name, creation_time, last_update_time and tags.<key>");
		HttpResponse<String> byTime = viewer().postJson(API + "/experiments/search",
				"{\"filter\": \"creation_time > 0 AND name LIKE 'hardening-%'\"}");
		assertThat(byTime.statusCode()).as(byTime.body()).isEqualTo(200);
		assertThat(Http.json(byTime).path("experiments")).isNotEmpty();
	}

	@Test
	void registryTimestampsOrderButDoNotFilter() {
		// MLflow's SearchModelVersionUtils (mlflow/utils/search_utils.py) orders by creation_timestamp and
		// last_updated_timestamp but filters only on name, version_number, run_id, source_path and tags
		assertRefused(viewer().get(API + "/model-versions/search?filter=" + encode("creation_timestamp = 1")),
				"can only order results");
		assertRefused(viewer().get(API + "/registered-models/search?filter=" + encode("creation_timestamp = 1")),
				"can only order results");
		assertRefused(viewer().get(API + "/registered-models/search?filter="
				+ encode("last_updated_timestamp = '1'")), "can only order results");
		HttpResponse<String> ordered = viewer()
			.get(API + "/registered-models/search?order_by=" + encode("creation_timestamp DESC"));
		assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(200);
	}

	@Test
	void namesKeepMlflowsLengthLimits() {
		// MAX_EXPERIMENT_NAME_LENGTH = 500 and MAX_ENTITY_KEY_LENGTH = 250 in MLflow's mlflow/utils/validation.py
		assertRefused(admin().postJson(API + "/experiments/create", "{\"name\": \"" + "e".repeat(100_000) + "\"}"),
				"exceeded length limit of 500");
		String longest = "e".repeat(486) + UUID.randomUUID().toString().substring(0, 14);
		HttpResponse<String> created = admin().postJson(API + "/experiments/create", "{\"name\": \"" + longest + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		String runId = Http.json(admin().postJson(API + "/runs/create", "{\"experiment_id\": \"" + experimentId
				+ "\"}")).path("run").path("info").path("run_id").asString();
		assertRefused(admin().postJson(API + "/runs/log-parameter", "{\"run_id\": \"" + runId + "\", \"key\": \""
				+ "k".repeat(251) + "\", \"value\": \"v\"}"), "1 to 250 characters");
		assertRefused(admin().postJson(API + "/runs/create", "{\"experiment_id\": \"" + experimentId
				+ "\", \"user_id\": \"" + "u".repeat(300) + "\"}"), "exceeded length limit of 256");
		assertRefused(admin().postJson(API + "/registered-models/create", "{\"name\": \"" + "m".repeat(100_000)
				+ "\"}"), "exceeded length limit of 256");
	}

	private static void assertRefused(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode body = Http.json(response);
		assertThat(body.path("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");
		assertThat(body.path("message").asString()).contains(message)
			.doesNotContainIgnoringCase("postgres")
			.doesNotContainIgnoringCase("SQL")
			.doesNotContain("ERROR:")
			.doesNotContain("Exception");
		assertThat(response.body()).hasSizeLessThan(2000);
	}

	private static String metricClauses(int count) {
		return IntStream.range(0, count).mapToObj(i -> "metrics.m" + i + " > 0").collect(Collectors.joining(" AND "));
	}

	private static String tagClauses(int count) {
		return IntStream.range(0, count).mapToObj(i -> "tags.t" + i + "='x'").collect(Collectors.joining(" AND "));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
