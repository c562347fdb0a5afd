package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import dev.eaw.web.support.Viewer;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.mlops.ServingFixture.customers;
import static dev.eaw.web.mlops.ServingFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Serving a logistic regression trained through the API and registered through MLflow's REST API: the four MLflow
 * scoring formats, validation problems, 404s, traffic splits with sticky request keys, an alias moving under load,
 * stats, Prometheus and drift. Real application, real ONNX Runtime, real HTTP.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingTests {

	private static final String SERVING = "/api/mlops/serving/";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ModelRegistry registry;

	@Autowired
	ITemplateEngine templates;

	Http admin;

	Http viewer;

	String runId;

	@BeforeAll
	void trainOnce() {
		admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		accounts.create("serving-viewer", "viewer-secret", Role.VIEWER, "test");
		viewer = Http.basic(port, "serving-viewer", "viewer-secret");
		ServingFixture.upload(admin, "serving_churn", ServingFixture.csv(600, 7, false));
		runId = ServingFixture.train(admin, "serving_churn", "churned", "classification", "logistic-regression");
	}

	/** A new registered model with the trained run as versions 1 … {@code versions}. */
	private String model(String prefix, int versions) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < versions; i++) {
			ServingFixture.register(admin, name, runId);
		}
		return name;
	}

	@Test
	void theFourScoringFormatsGiveTheSamePredictions() {
		String model = model("formats", 1);
		List<Map<String, Object>> rows = customers(3, 11, 0);
		List<String> columns = List.of("tenure", "usage", "plan");
		List<List<Object>> data = rows.stream().map(row -> columns.stream().map(row::get).toList()).toList();
		Map<String, List<Object>> columnar = new LinkedHashMap<>();
		columns.forEach(column -> columnar.put(column, rows.stream().map(row -> row.get(column)).toList()));
		List<String> bodies = List.of(
				Http.JSON.writeValueAsString(Map.of("dataframe_split", Map.of("columns", columns, "data", data))),
				records(rows), Http.JSON.writeValueAsString(Map.of("instances", rows)),
				Http.JSON.writeValueAsString(Map.of("inputs", columnar)),
				Http.JSON.writeValueAsString(Map.of("inputs", rows)));
		List<JsonNode> answers = new ArrayList<>();
		for (String body : bodies) {
			HttpResponse<String> response = viewer.postJson(SERVING + model + "/1/invocations", body);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Model-Version")).hasValue("1");
			assertThat(response.headers().firstValue("X-Model-Name")).hasValue(model);
			answers.add(Http.json(response).get("predictions"));
		}
		JsonNode predictions = answers.get(0);
		assertThat(predictions.size()).isEqualTo(3);
		answers.forEach(answer -> assertThat(answer).isEqualTo(predictions));
		for (JsonNode prediction : predictions) {
			assertThat(prediction.get("label").asString()).isIn("left", "stayed");
			JsonNode probabilities = prediction.get("probabilities");
			assertThat(probabilities.get("left").asDouble() + probabilities.get("stayed").asDouble()).isCloseTo(1.0,
					within(1e-5));
			String best = probabilities.get("left").asDouble() > probabilities.get("stayed").asDouble() ? "left" : "stayed";
			assertThat(prediction.get("label").asString()).isEqualTo(best);
		}
		// the model really learnt: heavy users on the basic plan with a short tenure churn, the opposite do not
		String likely = "{\"dataframe_records\": [{\"tenure\": 2, \"usage\": 90, \"plan\": \"basic\"}, "
				+ "{\"tenure\": 70, \"usage\": 10, \"plan\": \"pro\"}]}";
		JsonNode extremes = Http.json(viewer.postJson(SERVING + model + "/latest/invocations", likely)).get("predictions");
		assertThat(extremes.get(0).get("label").asString()).isEqualTo("left");
		assertThat(extremes.get(1).get("label").asString()).isEqualTo("stayed");
		// numbers as numeric text are accepted; an unknown category encodes as none
		HttpResponse<String> text = viewer.postJson(SERVING + model + "/1/invocations",
				"{\"instances\": [{\"tenure\": \"12\", \"usage\": \" 40.5\", \"plan\": \"enterprise\"}]}");
		assertThat(text.statusCode()).as(text.body()).isEqualTo(200);
		// ping answers everyone signed in, through the same chain
		assertThat(viewer.postJson(SERVING + "ping", "{}").body()).isEqualTo("{\"status\":\"ok\"}");
		assertThat(viewer.get(SERVING + "ping").statusCode()).isEqualTo(200);
		assertThat(Http.anonymous(port).postJson(SERVING + model + "/1/invocations", records(rows)).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aVersionRegisteredFromALoggedModelIsServed() {
		// MLflow 3's mlflow.register_model("models:/<model_id>", name) sends model-versions/create with that source
		// and model_id (mlflow/store/model_registry/rest_store.py create_model_version in mlflow/mlflow); the files
		// are the logged model's own (its artifact_uri), which training wrote beside the run's model/
		JsonNode run = Http.json(admin.get("/api/2.0/mlflow/runs/get?run_id=" + runId)).path("run");
		String modelId = run.path("outputs").path("model_outputs").path(0).path("model_id").asString();
		assertThat(modelId).matches("m-[0-9a-f]{32}");
		String model = "logged-" + UUID.randomUUID().toString().substring(0, 8);
		String version = ServingFixture.register(admin, model, "models:/" + modelId, null);
		HttpResponse<String> byLoggedModel = viewer.postJson(SERVING + model + "/" + version + "/invocations",
				records(customers(5, 3, 0)));
		assertThat(byLoggedModel.statusCode()).as(byLoggedModel.body()).isEqualTo(200);
		HttpResponse<String> byRun = viewer.postJson(SERVING + model("by-run", 1) + "/1/invocations",
				records(customers(5, 3, 0)));
		assertThat(Http.json(byLoggedModel).get("predictions")).isEqualTo(Http.json(byRun).get("predictions"));
	}

	@Test
	void invalidInputIsA400NamingColumnAndRow() {
		String model = model("invalid", 1);
		String url = SERVING + model + "/1/invocations";
		String good = "\"tenure\": 3, \"usage\": 50, \"plan\": \"pro\"";
		assertProblem(viewer.postJson(url, "{\"dataframe_records\": [{" + good + "}, {\"tenure\": 3, \"plan\": \"pro\"}]}"),
				400, "Missing column 'usage' in row 2");
		assertProblem(viewer.postJson(url, "{\"dataframe_records\": [{" + good + ", \"colour\": \"red\"}]}"), 400,
				"Unknown column 'colour' in row 1");
		assertProblem(viewer.postJson(url, "{\"dataframe_records\": [{" + good + "}, {" + good + "}, {\"tenure\": \"many\", "
				+ "\"usage\": 50, \"plan\": \"pro\"}]}"), 400, "Column 'tenure' in row 3", "'many'");
		assertProblem(viewer.postJson(url, "{\"dataframe_records\": [{\"tenure\": 3, \"usage\": NaN, \"plan\": \"pro\"}]}"),
				400, "Column 'usage' in row 1", "NaN");
		assertProblem(viewer.postJson(url, "{\"dataframe_records\": [{\"tenure\": 3, \"usage\": \"Infinity\", "
				+ "\"plan\": \"pro\"}]}"), 400, "Column 'usage' in row 1", "Infinity");
		assertProblem(viewer.postJson(url, "{\"dataframe_records\": [{\"tenure\": null, \"usage\": 1, \"plan\": \"pro\"}]}"),
				400, "Column 'tenure' in row 1 is null");
		assertProblem(viewer.postJson(url, "{\"dataframe_records\": []}"), 400, "no rows");
		assertProblem(viewer.postJson(url, records(customers(10_001, 3, 0))), 400, "10001 rows", "10000");
		assertProblem(viewer.postJson(url, "{\"rows\": []}"), 400, "dataframe_split");
		assertProblem(viewer.postJson(url, "not json"), 400, "not valid JSON");
		assertThat(viewer.postJson(url, records(customers(10_000, 3, 0))).statusCode()).isEqualTo(200);
		assertProblem(viewer.postJson(SERVING + "no-such-model/1/invocations", records(customers(1, 1, 0))), 404,
				"no-such-model");
		assertProblem(viewer.postJson(SERVING + model + "/7/invocations", records(customers(1, 1, 0))), 404, "7");
		assertProblem(viewer.postJson(SERVING + model + "/staging/invocations", records(customers(1, 1, 0))), 404,
				"staging");
		assertProblem(viewer.postJson(SERVING + "no-such-model/invocations", records(customers(1, 1, 0))), 404,
				"no-such-model");
		// the failed requests count as errors of the version
		JsonNode stats = Http.json(viewer.get(SERVING + model + "/1/stats"));
		assertThat(stats.get("errors").asLong()).isEqualTo(8);
		assertThat(stats.get("requests").asLong()).isEqualTo(9);
		assertThat(stats.get("rows").asLong()).isEqualTo(10_000);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String... details) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Http.json(response).get("detail").asString()).contains(details);
	}

	@Test
	void aTrafficSplitRoutesStickyKeysInProportion() {
		String model = model("split", 2);
		String url = SERVING + model + "/invocations";
		String row = records(customers(1, 5, 0));
		// without a split: the latest version, then alias champion once it exists
		assertThat(viewer.postJson(url, row).headers().firstValue("X-Model-Version")).hasValue("2");
		ServingFixture.alias(admin, model, "champion", "1");
		assertThat(viewer.postJson(url, row).headers().firstValue("X-Model-Version")).hasValue("1");

		String split = "{\"routes\": [{\"target\": \"champion\", \"percent\": 90}, {\"target\": \"2\", \"percent\": 10}]}";
		assertThat(viewer.putJson(SERVING + model + "/traffic", split).statusCode()).isEqualTo(403);
		assertProblem(admin.putJson(SERVING + model + "/traffic",
				"{\"routes\": [{\"target\": \"1\", \"percent\": 50}, {\"target\": \"2\", \"percent\": 30}]}"), 400, "80");
		assertProblem(admin.putJson(SERVING + model + "/traffic",
				"{\"routes\": [{\"target\": \"challenger\", \"percent\": 100}]}"), 400, "challenger");
		HttpResponse<String> put = admin.putJson(SERVING + model + "/traffic", split);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(Http.json(viewer.get(SERVING + model + "/traffic")).get("routes").get(0).get("target").asString())
			.isEqualTo("champion");

		Map<String, String> first = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < 500; i++) {
			String version = viewer.postJson(url, row, "X-Request-Key", "customer-" + i)
				.headers().firstValue("X-Model-Version").orElseThrow();
			first.put("customer-" + i, version);
			counts.merge(version, 1, Integer::sum);
		}
		for (int i = 0; i < 100; i++) {
			assertThat(viewer.postJson(url, row, "X-Request-Key", "customer-" + i).headers().firstValue("X-Model-Version"))
				.hasValue(first.get("customer-" + i));
		}
		assertThat(counts.get("1")).isBetween(415, 485);
		assertThat(counts.get("2")).isBetween(15, 85);
		// without a key: random, but still only the split's versions
		for (int i = 0; i < 20; i++) {
			assertThat(viewer.postJson(url, row).headers().firstValue("X-Model-Version").orElseThrow()).isIn("1", "2");
		}
		assertThat(admin.putJson(SERVING + model + "/traffic", "{\"routes\": []}").statusCode()).isEqualTo(200);
		assertThat(viewer.postJson(url, row, "X-Request-Key", "customer-1").headers().firstValue("X-Model-Version"))
			.hasValue("1");
	}

	@Test
	void anAliasMovesUnderLoadWithoutAFailedRequest() throws Exception {
		String model = model("switch", 2);
		ServingFixture.alias(admin, model, "champion", "1");
		String url = SERVING + model + "/champion/invocations";
		String body = records(customers(5, 9, 0));
		List<String> seen = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean running = new AtomicBoolean(true);
		Thread load = new Thread(() -> {
			Http client = Http.basic(port, "serving-viewer", "viewer-secret");
			while (running.get()) {
				HttpResponse<String> response = client.postJson(url, body);
				seen.add(response.statusCode() + ":" + response.headers().firstValue("X-Model-Version").orElse("-"));
			}
		});
		load.start();
		while (seen.size() < 50) {
			ServingFixture.sleep(10);
		}
		ServingFixture.alias(admin, model, "champion", "2");
		int switchedAt = seen.size();
		while (seen.size() < switchedAt + 50) {
			ServingFixture.sleep(10);
		}
		running.set(false);
		load.join(10_000);
		List<String> all = List.copyOf(seen);
		assertThat(all).allSatisfy(entry -> assertThat(entry).startsWith("200:"));
		assertThat(all.subList(0, 40)).containsOnly("200:1");
		int firstTwo = all.indexOf("200:2");
		assertThat(firstTwo).isPositive();
		assertThat(all.subList(firstTwo, all.size())).containsOnly("200:2");
		assertThat(all.get(all.size() - 1)).isEqualTo("200:2");
	}

	@Test
	void statsAndPrometheusShowTheModel() {
		String model = model("stats", 1);
		for (int i = 0; i < 12; i++) {
			assertThat(viewer.postJson(SERVING + model + "/1/invocations", records(customers(4, i, 0))).statusCode())
				.isEqualTo(200);
		}
		JsonNode stats = Http.json(viewer.get(SERVING + model + "/1/stats"));
		assertThat(stats.get("requests").asLong()).isEqualTo(12);
		assertThat(stats.get("rows").asLong()).isEqualTo(48);
		assertThat(stats.get("errors").asLong()).isZero();
		assertThat(stats.get("p50Ms").asDouble()).isPositive();
		assertThat(stats.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(stats.get("p95Ms").asDouble());
		JsonNode minutes = stats.get("perMinute");
		assertThat(minutes.size()).isEqualTo(60);
		long lastMinutes = minutes.get(59).get("requests").asLong() + minutes.get(58).get("requests").asLong();
		assertThat(lastMinutes).isEqualTo(12);
		String prometheus = admin.get("/actuator/prometheus").body();
		assertThat(prometheus).contains("eaw_serving_latency_seconds_bucket{", "model=\"" + model + "\"",
				"eaw_serving_requests_total{");
		assertThat(viewer.get(SERVING + model + "/9/stats").statusCode()).isEqualTo(404);

		JsonNode signature = Http.json(viewer.get(SERVING + model + "/latest/signature"));
		assertThat(signature.get("version").asString()).isEqualTo("1");
		assertThat(signature.get("signature").get("format").asString()).isEqualTo("onnx");
		assertThat(signature.get("example").get("plan").asString()).isIn((Object[]) ServingFixture.PLANS);
		assertThat(viewer.postJson(SERVING + model + "/1/invocations",
				"{\"dataframe_records\": [" + signature.get("example") + "]}").statusCode()).isEqualTo(200);
		JsonNode overview = Http.json(viewer.get(SERVING + model));
		assertThat(overview.get("versions").toString()).contains("\"1\"");
	}

	@Test
	void shiftedInputsRaiseThePsiOfThatFeature() {
		String model = model("drift", 3);
		JsonNode empty = Http.json(viewer.get(SERVING + model + "/3/drift"));
		assertThat(empty.get("status").asString()).isEqualTo("insufficient-data");

		assertThat(viewer.postJson(SERVING + model + "/1/invocations", records(customers(600, 21, 0))).statusCode())
			.isEqualTo(200);
		JsonNode calm = Http.json(viewer.get(SERVING + model + "/1/drift"));
		assertThat(calm.get("rows").asInt()).isEqualTo(600);
		assertThat(calm.get("status").asString()).isEqualTo("none");
		assertThat(feature(calm, "usage").get("psi").asDouble()).isLessThan(0.1);

		for (int i = 0; i < 6; i++) {
			assertThat(viewer.postJson(SERVING + model + "/2/invocations", records(customers(100, 30 + i, 200)))
				.statusCode()).isEqualTo(200);
		}
		JsonNode shifted = Http.json(viewer.get(SERVING + model + "/2/drift"));
		assertThat(shifted.get("rows").asInt()).isEqualTo(600);
		assertThat(feature(shifted, "usage").get("psi").asDouble()).isGreaterThan(0.25);
		assertThat(feature(shifted, "usage").get("status").asString()).isEqualTo("significant");
		assertThat(feature(shifted, "tenure").get("psi").asDouble()).isLessThan(0.1);
		assertThat(shifted.get("status").asString()).isEqualTo("significant");
		assertThat(feature(shifted, "usage").get("bins").size()).isEqualTo(feature(shifted, "usage").get("expected").size());
	}

	@Test
	void theServingSectionRendersForAModel() {
		String model = model("page", 1);
		JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(new MockServletContext());
		WebContext context = new WebContext(application.buildExchange(new MockHttpServletRequest(),
				new MockHttpServletResponse()), Locale.ENGLISH);
		context.setVariable("model", registry.getModel(model));
		context.setVariable("viewer", new Viewer("admin", Role.ADMIN));
		String html = templates.process("mlops/serving", Set.of("serving"), context);
		assertThat(html).contains("id=\"serving\"", "data-model=\"" + model + "\"", "serving-traffic-form",
				"/js/mlops-serving.js", "Try it").doesNotContain("??");
		context.setVariable("viewer", new Viewer("serving-viewer", Role.VIEWER));
		assertThat(templates.process("mlops/serving", Set.of("serving"), context)).doesNotContain("serving-traffic-form");
		JsonNode overview = Http.json(viewer.get(SERVING + model));
		assertThat(overview.get("model").asString()).isEqualTo(model);
		assertThat(overview.get("routes").isArray()).isTrue();
	}

	private static JsonNode feature(JsonNode drift, String name) {
		for (JsonNode feature : drift.get("features")) {
			if (feature.get("name").asString().equals(name)) {
				return feature;
			}
		}
		throw new AssertionError("no feature " + name + " in " + drift);
	}

}
