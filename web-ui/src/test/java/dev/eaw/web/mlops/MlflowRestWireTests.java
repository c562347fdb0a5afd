package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.ModuleOverview;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw JSON over HTTP as MLflow's REST docs show it: field names, string ids, int64 fields as JSON numbers (as
 * MLflow's server writes them) and accepted as strings (as the Java client sends them), non-finite doubles as
 * strings, both URL prefixes, and MLflow's error bodies.
 */
@AppTest
class MlflowRestWireTests {

	@LocalServerPort
	int port;

	@Autowired
	List<ModuleOverview> overviews;

	@Test
	void aTrackingSequenceHasMlflowsWireShape() {
		Http http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		String name = "wire-" + UUID.randomUUID();
		HttpResponse<String> created = http.postJson("/api/2.0/mlflow/experiments/create", "{\"name\": \"" + name + "\"}");
		assertThat(created.statusCode()).isEqualTo(200);
		JsonNode experimentId = Http.json(created).get("experiment_id");
		assertThat(experimentId.isString()).isTrue();

		HttpResponse<String> runCreated = http.postJson("/api/2.0/mlflow/runs/create",
				"{\"experiment_id\": \"" + experimentId.asString() + "\", \"run_name\": \"first\", "
						+ "\"start_time\": \"1700000000000\", \"tags\": [{\"key\": \"mlflow.user\", \"value\": \"ada\"}]}");
		assertThat(runCreated.statusCode()).isEqualTo(200);
		JsonNode info = Http.json(runCreated).get("run").get("info");
		String runId = info.get("run_id").asString();
		assertThat(runId).matches("[0-9a-f]{32}");
		assertThat(info.get("run_uuid").asString()).isEqualTo(runId);
		assertThat(info.get("run_name").asString()).isEqualTo("first");
		assertThat(info.get("user_id").asString()).isEqualTo("ada");
		assertThat(info.get("status").asString()).isEqualTo("RUNNING");
		assertThat(info.get("start_time").isIntegralNumber()).isTrue();
		assertThat(info.get("start_time").asLong()).isEqualTo(1700000000000L);
		assertThat(info.has("end_time")).isFalse();
		assertThat(info.get("lifecycle_stage").asString()).isEqualTo("active");
		assertThat(info.get("artifact_uri").asString()).endsWith("/" + runId + "/artifacts");

		HttpResponse<String> batch = http.postJson("/api/2.0/mlflow/runs/log-batch", "{\"run_id\": \"" + runId + "\", "
				+ "\"metrics\": [{\"key\": \"m\", \"value\": \"Infinity\", \"timestamp\": \"1\", \"step\": \"2\"}, "
				+ "{\"key\": \"n\", \"value\": 0.25, \"timestamp\": 5}], "
				+ "\"params\": [{\"key\": \"p\", \"value\": \"\"}], \"tags\": [{\"key\": \"t\", \"value\": \"v\"}]}");
		assertThat(batch.statusCode()).isEqualTo(200);
		assertThat(Http.json(batch).isEmpty()).isTrue();

		JsonNode run = Http.json(http.get("/api/2.0/mlflow/runs/get?run_id=" + runId)).get("run");
		assertThat(run.has("info")).isTrue();
		JsonNode data = run.get("data");
		JsonNode m = metric(data, "m");
		assertThat(m.get("value").asString()).isEqualTo("Infinity");
		assertThat(m.get("timestamp").isIntegralNumber()).isTrue();
		assertThat(m.get("step").asLong()).isEqualTo(2);
		assertThat(metric(data, "n").get("value").asDouble()).isEqualTo(0.25);
		assertThat(metric(data, "n").get("step").asLong()).isZero();
		assertThat(data.get("params").get(0).get("key").asString()).isEqualTo("p");
		assertThat(data.get("params").get(0).get("value").asString()).isEmpty();
		assertThat(data.get("tags").findValuesAsString("key")).contains("t", "mlflow.user", "mlflow.runName");

		JsonNode byName = Http.json(http.get("/ajax-api/2.0/mlflow/experiments/get-by-name?experiment_name=" + name));
		assertThat(byName.get("experiment").get("experiment_id").asString()).isEqualTo(experimentId.asString());
		assertThat(byName.get("experiment").get("creation_time").isIntegralNumber()).isTrue();
		assertThat(byName.get("experiment").get("lifecycle_stage").asString()).isEqualTo("active");

		JsonNode updated = Http.json(http.postJson("/ajax-api/2.0/mlflow/runs/update",
				"{\"run_uuid\": \"" + runId + "\", \"status\": \"KILLED\", \"end_time\": \"1700000005000\"}"));
		assertThat(updated.get("run_info").get("status").asString()).isEqualTo("KILLED");
		assertThat(updated.get("run_info").get("end_time").asLong()).isEqualTo(1700000005000L);

		http.postJson("/api/2.0/mlflow/runs/log-metric", "{\"run_id\": \"" + runId + "\", \"key\": \"n\", "
				+ "\"value\": \"NaN\", \"timestamp\": \"6\", \"step\": \"1\"}");
		JsonNode firstPage = Http.json(http.get("/api/2.0/mlflow/metrics/get-history?run_id=" + runId
				+ "&metric_key=n&max_results=1"));
		assertThat(firstPage.get("metrics")).hasSize(1);
		assertThat(firstPage.get("metrics").get(0).get("value").asDouble()).isEqualTo(0.25);
		String token = firstPage.get("next_page_token").asString();
		JsonNode secondPage = Http.json(http.get("/ajax-api/2.0/mlflow/metrics/get-history?run_uuid=" + runId
				+ "&metric_key=n&max_results=1&page_token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(secondPage.get("metrics").get(0).get("value").asString()).isEqualTo("NaN");
		assertThat(secondPage.has("next_page_token")).isFalse();

		JsonNode searched = Http.json(http.postJson("/api/2.0/mlflow/runs/search", "{\"experiment_ids\": [\""
				+ experimentId.asString() + "\"], \"filter\": \"params.p = ''\", \"max_results\": 10}"));
		assertThat(searched.get("runs")).hasSize(1);
		assertThat(searched.has("next_page_token")).isFalse();
	}

	@Test
	void errorsHaveMlflowsBodyNotProblemDetails() {
		Http http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		HttpResponse<String> missing = http.get("/api/2.0/mlflow/runs/get?run_id=ffffffffffffffffffffffffffffffff");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		JsonNode body = Http.json(missing);
		assertThat(body.get("error_code").asString()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
		assertThat(body.get("message").asString()).contains("Run 'ffffffffffffffffffffffffffffffff' not found");
		assertThat(body.has("status")).isFalse();

		HttpResponse<String> noName = http.postJson("/api/2.0/mlflow/experiments/create", "{}");
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat(Http.json(noName).get("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");
		assertThat(Http.json(noName).get("message").asString()).contains("Missing value for required parameter 'name'");

		HttpResponse<String> numberName = http.postJson("/api/2.0/mlflow/experiments/create", "{\"name\": 123}");
		assertThat(Http.json(numberName).get("message").asString()).contains("Invalid value 123 for parameter 'name'");

		HttpResponse<String> badStep = http.postJson("/api/2.0/mlflow/runs/log-metric", "{\"run_id\": \"x\", "
				+ "\"key\": \"k\", \"value\": 1, \"timestamp\": 1, \"step\": \"foo\"}");
		assertThat(badStep.statusCode()).isEqualTo(400);
		assertThat(Http.json(badStep).get("message").asString()).contains("for parameter 'step'");

		HttpResponse<String> badFilter = http.postJson("/api/2.0/mlflow/runs/search",
				"{\"experiment_ids\": [\"0\"], \"filter\": \"metrics.acc ~ 1\"}");
		assertThat(badFilter.statusCode()).isEqualTo(400);
		assertThat(Http.json(badFilter).get("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");

		HttpResponse<String> tooMany = http.postJson("/api/2.0/mlflow/runs/search",
				"{\"experiment_ids\": [\"0\"], \"max_results\": 123456789}");
		assertThat(Http.json(tooMany).get("message").asString())
			.contains("Invalid value 123456789 for parameter 'max_results' supplied");

		String runId = Http.json(http.postJson("/api/2.0/mlflow/runs/create", "{}")).get("run").get("info").get("run_id")
			.asString();
		StringBuilder params = new StringBuilder();
		for (int i = 0; i <= 100; i++) {
			params.append(i == 0 ? "" : ", ").append("{\"key\": \"p").append(i).append("\", \"value\": \"v\"}");
		}
		HttpResponse<String> tooBig = http.postJson("/api/2.0/mlflow/runs/log-batch",
				"{\"run_id\": \"" + runId + "\", \"params\": [" + params + "]}");
		assertThat(tooBig.statusCode()).isEqualTo(400);
		assertThat(Http.json(tooBig).get("message").asString()).contains("at most 1000 metrics, 100 params and 100 tags");
		HttpResponse<String> noTimestamp = http.postJson("/api/2.0/mlflow/runs/log-batch",
				"{\"run_id\": \"" + runId + "\", \"metrics\": [{\"key\": \"m\", \"value\": 1}]}");
		assertThat(Http.json(noTimestamp).get("message").asString())
			.contains("Missing value for required parameter 'timestamp'");
		assertThat(Http.json(http.get("/api/2.0/mlflow/runs/get?run_uuid=" + runId)).get("run").get("data").has("params"))
			.isFalse();

		HttpResponse<String> badToken = http.postJson("/api/2.0/mlflow/runs/search",
				"{\"experiment_ids\": [\"0\"], \"page_token\": \"not-a-token\"}");
		assertThat(Http.json(badToken).get("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");
	}

	@Test
	void unsupportedMlflowCallsAreMlflowNotFounds() {
		Http http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		// model-versions/get-artifact, the example here before, is served now (MlflowGetArtifactTests)
		HttpResponse<String> artifacts = http.get("/api/2.0/mlflow/traces?experiment_ids=0");
		assertThat(artifacts.statusCode()).isEqualTo(404);
		assertThat(Http.json(artifacts).get("error_code").asString()).isEqualTo("ENDPOINT_NOT_FOUND");
		HttpResponse<String> unknownRun = http.get("/api/2.0/mlflow/artifacts/list?run_id=x");
		assertThat(unknownRun.statusCode()).isEqualTo(404);
		assertThat(Http.json(unknownRun).get("error_code").asString()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
	}

	@Test
	void logInputsRecordsDatasetsOnceAndRunsShowThem() {
		Http http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		String runId = Http.json(http.postJson("/api/2.0/mlflow/runs/create", "{\"experiment_id\": \"0\"}"))
			.at("/run/info/run_id")
			.asString();
		String body = "{\"run_id\": \"" + runId + "\", \"datasets\": [{\"tags\": [{\"key\": \"mlflow.data.context\", "
				+ "\"value\": \"training\"}], \"dataset\": {\"name\": \"churn\", \"digest\": \"1a2b3c4d\", "
				+ "\"source_type\": \"local\", \"source\": \"file:///data/churn.csv\", "
				+ "\"schema\": \"{\\\"mlflow_colspec\\\": []}\"}}]}";
		assertThat(http.postJson("/ajax-api/2.0/mlflow/runs/log-inputs", body).statusCode()).isEqualTo(200);
		assertThat(http.postJson("/api/2.0/mlflow/runs/log-inputs", body).statusCode()).isEqualTo(200);
		JsonNode inputs = Http.json(http.get("/api/2.0/mlflow/runs/get?run_id=" + runId)).at("/run/inputs/dataset_inputs");
		assertThat(inputs.size()).isEqualTo(1);
		assertThat(inputs.get(0).at("/dataset/name").asString()).isEqualTo("churn");
		assertThat(inputs.get(0).at("/dataset/source_type").asString()).isEqualTo("local");
		assertThat(inputs.get(0).at("/dataset/schema").asString()).contains("mlflow_colspec");
		assertThat(inputs.get(0).at("/tags/0/value").asString()).isEqualTo("training");

		assertThat(searchIds(http, "datasets.name = 'churn' AND datasets.context = 'training'")).contains(runId);
		assertThat(searchIds(http, "datasets.digest IN ('ffff', '1a2b3c4d')")).contains(runId);
		assertThat(searchIds(http, "datasets.context = 'evaluation'")).doesNotContain(runId);
		assertThat(searchIds(http, "attributes.run_id IN ('" + runId + "', 'other')")).containsExactly(runId);
		assertThat(searchIds(http, "attributes.run_id NOT IN ('" + runId + "')")).doesNotContain(runId);
		HttpResponse<String> badList = http.postJson("/api/2.0/mlflow/runs/search",
				"{\"experiment_ids\": [\"0\"], \"filter\": \"attributes.run_id IN 'x'\"}");
		assertThat(badList.statusCode()).isEqualTo(400);

		HttpResponse<String> missing = http.postJson("/api/2.0/mlflow/runs/log-inputs", "{\"run_id\": \"" + runId
				+ "\", \"datasets\": [{\"dataset\": {\"name\": \"x\", \"source_type\": \"local\", \"source\": \"s\"}}]}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(Http.json(missing).get("message").asString()).contains("digest");
		HttpResponse<String> unknown = http.postJson("/api/2.0/mlflow/runs/log-inputs",
				"{\"run_id\": \"nope\", \"datasets\": []}");
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	List<String> searchIds(Http http, String filter) {
		HttpResponse<String> found = http.postJson("/api/2.0/mlflow/runs/search",
				"{\"experiment_ids\": [\"0\"], \"max_results\": 1000, \"filter\": \"" + filter.replace("\"", "\\\"") + "\"}");
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return Http.json(found).path("runs").findValuesAsString("run_id");
	}

	@Test
	void theDashboardCountsActiveExperimentsAndRuns() {
		Http http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		long experiments = count("experiments");
		long runs = count("runs");
		String id = Http.json(http.postJson("/api/2.0/mlflow/experiments/create",
				"{\"name\": \"counted-" + UUID.randomUUID() + "\"}")).get("experiment_id").asString();
		http.postJson("/api/2.0/mlflow/runs/create", "{\"experiment_id\": \"" + id + "\"}");
		assertThat(count("experiments")).isEqualTo(experiments + 1);
		assertThat(count("runs")).isEqualTo(runs + 1);
		assertThat(http.postJson("/api/2.0/mlflow/experiments/delete", "{\"experiment_id\": \"" + id + "\"}").statusCode())
			.isEqualTo(200);
		assertThat(count("experiments")).isEqualTo(experiments);
		assertThat(count("runs")).isEqualTo(runs);
	}

	private long count(String what) {
		return overviews.stream().filter(o -> o.key().equals("mlops")).findFirst().orElseThrow().counts().get(what);
	}

	private static JsonNode metric(JsonNode data, String key) {
		for (JsonNode metric : data.get("metrics")) {
			if (metric.get("key").asString().equals(key)) {
				return metric;
			}
		}
		throw new AssertionError("no metric " + key + " in " + data);
	}

}
