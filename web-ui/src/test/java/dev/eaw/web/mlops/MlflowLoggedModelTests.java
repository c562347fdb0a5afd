package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MLflow 3's logged models over HTTP with the raw JSON Python's {@code mlflow} 3.x sends from {@code log_model}.
 * Request shapes and methods: mlflow/mlflow mlflow/store/tracking/rest_store.py ({@code create_logged_model},
 * {@code log_logged_model_params}, {@code finalize_logged_model}, {@code search_logged_models},
 * {@code set_logged_model_tags}, {@code delete_logged_model_tag}, {@code log_metric} with {@code model_id},
 * {@code dataset_name}, {@code dataset_digest}, {@code log_inputs} with {@code models}, {@code log_outputs}); routes
 * and messages: mlflow/protos/service.proto ({@code createLoggedModel} POST /mlflow/logged-models,
 * {@code finalizeLoggedModel} PATCH /mlflow/logged-models/{model_id}, {@code searchLoggedModels} POST
 * /mlflow/logged-models/search, {@code listLoggedModelArtifacts} GET
 * /mlflow/logged-models/{model_id}/artifacts/directories, {@code logOutputs} POST /mlflow/runs/outputs,
 * {@code LoggedModelInfo} with {@code creation_timestamp_ms} and status {@code LOGGED_MODEL_PENDING}). Python's
 * {@code message_to_json} writes int64 fields as JSON numbers and enums by name.
 */
@AppTest
class MlflowLoggedModelTests {

	@LocalServerPort
	int port;

	@Test
	void logModelCreatesUploadsFinalizesSearchesAndRegisters() {
		Http http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		String experiment = Http.json(http.postJson("/api/2.0/mlflow/experiments/create",
				"{\"name\": \"logged-" + UUID.randomUUID() + "\"}")).get("experiment_id").asString();
		String runId = Http.json(http.postJson("/api/2.0/mlflow/runs/create", "{\"experiment_id\": \"" + experiment
				+ "\", \"start_time\": 1700000000000, \"tags\": [{\"key\": \"mlflow.user\", \"value\": \"ada\"}]}"))
			.get("run").get("info").get("run_id").asString();

		// mlflow.sklearn.log_model(model, name="model", params={"alpha": "0.5"}): create_logged_model
		HttpResponse<String> created = http.postJson("/api/2.0/mlflow/logged-models", "{\"experiment_id\": \""
				+ experiment + "\", \"name\": \"model\", \"source_run_id\": \"" + runId + "\", \"params\": [{\"key\": "
				+ "\"alpha\", \"value\": \"0.5\"}], \"tags\": [{\"key\": \"mlflow.user\", \"value\": \"ada\"}, "
				+ "{\"key\": \"mlflow.source.type\", \"value\": \"LOCAL\"}]}");
		assertThat(created.statusCode()).isEqualTo(200);
		JsonNode info = Http.json(created).get("model").get("info");
		String modelId = info.get("model_id").asString();
		assertThat(modelId).matches("m-[0-9a-f]{32}");
		assertThat(info.get("experiment_id").asString()).isEqualTo(experiment);
		assertThat(info.get("name").asString()).isEqualTo("model");
		assertThat(info.get("status").asString()).isEqualTo("LOGGED_MODEL_PENDING");
		assertThat(info.get("source_run_id").asString()).isEqualTo(runId);
		assertThat(info.get("artifact_uri").asString())
			.isEqualTo("mlflow-artifacts:/" + experiment + "/models/" + modelId + "/artifacts");
		assertThat(info.get("creation_timestamp_ms").isIntegralNumber()).isTrue();
		assertThat(info.get("tags").findValuesAsString("key")).contains("mlflow.user", "mlflow.source.type");
		assertThat(Http.json(created).get("model").get("data").get("params").get(0).get("key").asString())
			.isEqualTo("alpha");

		// the run's output (log_outputs), more params (log_logged_model_params), the files through the proxy
		assertThat(http.postJson("/api/2.0/mlflow/runs/outputs", "{\"run_id\": \"" + runId + "\", \"models\": "
				+ "[{\"model_id\": \"" + modelId + "\", \"step\": 0}]}").statusCode()).isEqualTo(200);
		assertThat(http.postJson("/api/2.0/mlflow/logged-models/" + modelId + "/params", "{\"model_id\": \"" + modelId
				+ "\", \"params\": [{\"key\": \"beta\", \"value\": \"1\"}]}").statusCode()).isEqualTo(200);
		String files = "/api/2.0/mlflow-artifacts/artifacts/" + experiment + "/models/" + modelId + "/artifacts/";
		assertThat(http.putBytes(files + "MLmodel", "artifact_path: model\n".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(200);
		assertThat(http.putBytes(files + "code/train.py", "print(1)\n".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(200);
		JsonNode listed = Http.json(http.get("/api/2.0/mlflow/logged-models/" + modelId + "/artifacts/directories"));
		assertThat(listed.get("root_uri").asString()).isEqualTo(info.get("artifact_uri").asString());
		assertThat(listed.get("files").findValuesAsString("path")).containsExactlyInAnyOrder("MLmodel", "code");
		JsonNode code = Http.json(http.get("/ajax-api/2.0/mlflow/logged-models/" + modelId
				+ "/artifacts/directories?artifact_directory_path=code"));
		assertThat(code.get("files").get(0).get("path").asString()).isEqualTo("code/train.py");
		assertThat(code.get("files").get(0).get("file_size").asLong()).isEqualTo(9);

		// finalize_logged_model(model_id, LoggedModelStatus.READY)
		HttpResponse<String> finalized = http.patchJson("/api/2.0/mlflow/logged-models/" + modelId,
				"{\"model_id\": \"" + modelId + "\", \"status\": \"LOGGED_MODEL_READY\"}");
		assertThat(finalized.statusCode()).isEqualTo(200);
		assertThat(Http.json(finalized).get("model").get("info").get("status").asString())
			.isEqualTo("LOGGED_MODEL_READY");
		assertThat(Http.json(finalized).get("model").get("data").get("params").findValuesAsString("key"))
			.containsExactly("alpha", "beta");

		// mlflow.log_metric("accuracy", 0.93, model_id=..., dataset=...): the metric reaches run and model
		assertThat(http.postJson("/api/2.0/mlflow/runs/log-metric", "{\"run_uuid\": \"" + runId + "\", \"run_id\": \""
				+ runId + "\", \"key\": \"accuracy\", \"value\": 0.93, \"timestamp\": 1700000000001, \"step\": 0, "
				+ "\"model_id\": \"" + modelId + "\", \"dataset_name\": \"iris\", \"dataset_digest\": \"abc123\"}")
			.statusCode()).isEqualTo(200);
		String other = Http.json(http.postJson("/api/2.0/mlflow/logged-models", "{\"experiment_id\": \"" + experiment
				+ "\", \"model_type\": \"baseline\"}")).get("model").get("info").get("model_id").asString();
		assertThat(http.postJson("/api/2.0/mlflow/runs/log-batch", "{\"run_id\": \"" + runId + "\", \"metrics\": "
				+ "[{\"key\": \"accuracy\", \"value\": 0.5, \"timestamp\": 1700000000002, \"step\": 0, \"model_id\": \""
				+ other + "\", \"dataset_name\": \"iris\"}]}").statusCode()).isEqualTo(200);
		JsonNode metric = Http.json(http.get("/api/2.0/mlflow/logged-models/" + modelId)).get("model").get("data")
			.get("metrics").get(0);
		assertThat(metric.get("key").asString()).isEqualTo("accuracy");
		assertThat(metric.get("value").asDouble()).isEqualTo(0.93);
		assertThat(metric.get("model_id").asString()).isEqualTo(modelId);
		assertThat(metric.get("dataset_name").asString()).isEqualTo("iris");
		assertThat(metric.get("dataset_digest").asString()).isEqualTo("abc123");
		assertThat(metric.get("run_id").asString()).isEqualTo(runId);

		// search_logged_models: a metric filter, order_by as OrderBy messages, datasets
		JsonNode found = Http.json(http.postJson("/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": [\""
				+ experiment + "\"], \"filter\": \"metrics.accuracy > 0.9\", \"order_by\": [{\"field_name\": "
				+ "\"metrics.accuracy\", \"ascending\": false}]}"));
		assertThat(ids(found)).containsExactly(modelId);
		JsonNode ordered = Http.json(http.postJson("/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": [\""
				+ experiment + "\"], \"datasets\": [{\"dataset_name\": \"iris\"}], \"filter\": \"metrics.accuracy >= 0\", "
				+ "\"order_by\": [{\"field_name\": \"metrics.accuracy\", \"ascending\": true}], \"max_results\": 1}"));
		assertThat(ids(ordered)).containsExactly(other);
		assertThat(ordered.get("next_page_token").asString()).isNotEmpty();
		JsonNode byAttributes = Http.json(http.postJson("/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": "
				+ "[\"" + experiment + "\"], \"filter\": \"name = 'model' AND status = 'READY' AND params.alpha = '0.5'\"}"));
		assertThat(ids(byAttributes)).containsExactly(modelId);
		JsonNode otherDataset = Http.json(http.postJson("/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": "
				+ "[\"" + experiment + "\"], \"filter\": \"metrics.accuracy > 0\", \"datasets\": [{\"dataset_name\": "
				+ "\"iris\", \"dataset_digest\": \"other\"}]}"));
		assertThat(otherDataset.has("models")).isFalse();

		// the run shows the model as its output
		JsonNode run = Http.json(http.get("/api/2.0/mlflow/runs/get?run_id=" + runId)).get("run");
		assertThat(run.get("outputs").get("model_outputs").get(0).get("model_id").asString()).isEqualTo(modelId);
		assertThat(run.get("outputs").get("model_outputs").get(0).get("step").asLong()).isZero();

		// mlflow.register_model(f"models:/{model_id}", name): the version resolves to the model's artifacts
		String registered = "lm-" + UUID.randomUUID();
		http.postJson("/api/2.0/mlflow/registered-models/create", "{\"name\": \"" + registered + "\"}");
		HttpResponse<String> version = http.postJson("/api/2.0/mlflow/model-versions/create", "{\"name\": \""
				+ registered + "\", \"source\": \"models:/" + modelId + "\", \"run_id\": \"" + runId + "\", "
				+ "\"model_id\": \"" + modelId + "\"}");
		assertThat(version.statusCode()).isEqualTo(200);
		assertThat(Http.json(version).get("model_version").get("source").asString()).isEqualTo("models:/" + modelId);
		assertThat(Http.json(version).get("model_version").get("model_id").asString()).isEqualTo(modelId);
		assertThat(Http.json(http.get("/api/2.0/mlflow/model-versions/get-download-uri?name=" + registered
				+ "&version=1")).get("artifact_uri").asString()).isEqualTo(info.get("artifact_uri").asString());
		JsonNode registrations = Http.json(http.get("/api/2.0/mlflow/logged-models/" + modelId)).get("model")
			.get("info").get("registrations");
		assertThat(registrations.get(0).get("name").asString()).isEqualTo(registered);
		assertThat(registrations.get(0).get("version").asString()).isEqualTo("1");
	}

	@Test
	void tagsModelInputsAndDeletion() {
		Http http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		String runId = Http.json(http.postJson("/api/2.0/mlflow/runs/create", "{\"experiment_id\": \"0\"}"))
			.get("run").get("info").get("run_id").asString();
		JsonNode info = Http.json(http.postJson("/api/2.0/mlflow/logged-models", "{\"experiment_id\": \"0\"}"))
			.get("model").get("info");
		String modelId = info.get("model_id").asString();
		assertThat(info.get("name").asString()).isNotEmpty();

		// set_logged_model_tags: PATCH …/tags; delete_logged_model_tag: DELETE …/tags/{key}
		assertThat(http.patchJson("/api/2.0/mlflow/logged-models/" + modelId + "/tags", "{\"tags\": [{\"key\": "
				+ "\"stage\", \"value\": \"candidate\"}, {\"key\": \"owner\", \"value\": \"ada\"}]}").statusCode())
			.isEqualTo(200);
		assertThat(http.delete("/api/2.0/mlflow/logged-models/" + modelId + "/tags/owner").statusCode())
			.isEqualTo(200);
		JsonNode tags = Http.json(http.get("/api/2.0/mlflow/logged-models/" + modelId)).get("model").get("info")
			.get("tags");
		assertThat(tags.findValuesAsString("key")).containsExactly("stage");
		assertThat(Http.json(http.delete("/api/2.0/mlflow/logged-models/" + modelId + "/tags/owner"))
			.get("error_code").asString()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
		assertThat(ids(Http.json(http.postJson("/api/2.0/mlflow/logged-models/search", "{\"experiment_ids\": "
				+ "[\"0\"], \"filter\": \"tags.`stage` = 'candidate'\"}")))).contains(modelId);

		// log_inputs(run_id, models=[LoggedModelInput(model_id)])
		assertThat(http.postJson("/api/2.0/mlflow/runs/log-inputs", "{\"run_id\": \"" + runId + "\", \"models\": "
				+ "[{\"model_id\": \"" + modelId + "\"}]}").statusCode()).isEqualTo(200);
		JsonNode inputs = Http.json(http.get("/api/2.0/mlflow/runs/get?run_id=" + runId)).get("run").get("inputs");
		assertThat(inputs.get("model_inputs").get(0).get("model_id").asString()).isEqualTo(modelId);

		// a status outside READY/UPLOAD_FAILED, an unknown model, a metric for an unknown model
		assertThat(Http.json(http.patchJson("/api/2.0/mlflow/logged-models/" + modelId, "{\"status\": \"DONE\"}"))
			.get("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");
		HttpResponse<String> unknown = http.get("/api/2.0/mlflow/logged-models/m-" + "0".repeat(32));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Http.json(unknown).get("error_code").asString()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
		assertThat(http.postJson("/api/2.0/mlflow/runs/log-metric", "{\"run_id\": \"" + runId + "\", \"key\": \"a\", "
				+ "\"value\": 1, \"timestamp\": 1, \"model_id\": \"m-" + "1".repeat(32) + "\"}").statusCode())
			.isEqualTo(404);
		assertThat(Http.json(http.postJson("/api/2.0/mlflow/logged-models", "{\"name\": \"x\"}")).get("message")
			.asString()).contains("experiment_id");

		// delete_logged_model: gone for get and search
		assertThat(http.deleteJson("/api/2.0/mlflow/logged-models/" + modelId, "{\"model_id\": \"" + modelId + "\"}")
			.statusCode()).isEqualTo(200);
		assertThat(http.get("/api/2.0/mlflow/logged-models/" + modelId).statusCode()).isEqualTo(404);
		JsonNode left = Http.json(http.postJson("/api/2.0/mlflow/logged-models/search",
				"{\"experiment_ids\": [\"0\"], \"filter\": \"model_id = '" + modelId + "'\"}"));
		assertThat(left.has("models")).isFalse();
	}

	/** The ids of a search's models, in order. */
	private static List<String> ids(JsonNode found) {
		List<String> ids = new ArrayList<>();
		found.path("models").forEach(model -> ids.add(model.get("info").get("model_id").asString()));
		return ids;
	}

}
