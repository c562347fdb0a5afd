package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Training through {@code /api/mlops/training-runs}: real Tribuo training in the background, logged as MLflow runs
 * with params, metrics and the model package; reproducible with a seed; bad requests refused at once, failing jobs
 * marked failed without harming anything else.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingTests {

	@LocalServerPort
	int port;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void data() {
		TrainingFixtures.load(admin(), "train_churn", TrainingFixtures.churnCsv(800, 7));
	}

	Map<String, Double> metrics(JsonNode run) {
		Map<String, Double> metrics = new HashMap<>();
		run.path("data").path("metrics").forEach(m -> metrics.put(m.path("key").asString(), m.path("value").asDouble()));
		return metrics;
	}

	Map<String, String> params(JsonNode run) {
		Map<String, String> params = new HashMap<>();
		run.path("data").path("params").forEach(p -> params.put(p.path("key").asString(), p.path("value").asString()));
		return params;
	}

	JsonNode run(String runId) {
		return Http.json(admin().get("/api/2.0/mlflow/runs/get?run_id=" + runId)).path("run");
	}

	String artifact(JsonNode run, String path) {
		String root = run.path("info").path("artifact_uri").asString().replace("mlflow-artifacts:/", "");
		HttpResponse<String> file = admin().get("/api/2.0/mlflow-artifacts/artifacts/" + root + "/" + path);
		assertThat(file.statusCode()).as(path).isEqualTo(200);
		return file.body();
	}

	@Test
	void aLogisticRegressionIsTrainedLoggedAndExportedToOnnx() {
		JsonNode job = TrainingFixtures.train(admin(), """
				{"dataset":"train_churn","target":"churned","algorithm":"logistic-regression",
				 "hyperparameters":{"epochs":15},"experiment":"churn-tests","runName":"lr-first"}""");
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("FINISHED");
		assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
		JsonNode run = run(job.path("runId").asString());
		assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED");
		assertThat(run.path("info").path("run_name").asString()).isEqualTo("lr-first");
		Map<String, Double> metrics = metrics(run);
		assertThat(metrics).containsKeys("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss");
		assertThat(metrics.get("accuracy")).isGreaterThan(0.65);
		assertThat(metrics.get("roc_auc")).isGreaterThan(0.7);
		Map<String, String> params = params(run);
		assertThat(params).containsEntry("epochs", "15").containsEntry("learning_rate", "0.1")
			.containsEntry("seed", "42").containsEntry("dataset", "train_churn").containsEntry("train_rows", "640")
			.containsKey("dataset_fingerprint");
		assertThat(params.get("dataset_fingerprint")).hasSize(64);

		JsonNode signature = Http.JSON.readTree(artifact(run, "model/signature.json"));
		assertThat(signature.path("format").asString()).isEqualTo("onnx");
		assertThat(signature.path("features").toString()).contains("plan=monthly", "tenure");
		assertThat(signature.path("classes").toString()).contains("true", "false");
		assertThat(admin().getBytes("/api/2.0/mlflow-artifacts/artifacts/"
				+ run.path("info").path("artifact_uri").asString().replace("mlflow-artifacts:/", "") + "/model/model.onnx")
			.body().length).isGreaterThan(1000);
		assertThat(artifact(run, "model/MLmodel")).contains("onnx:", "signature:", "\"name\": \"tenure\"");
		assertThat(artifact(run, "model/provenance.txt")).contains("LinearSGDTrainer");
		JsonNode matrix = Http.JSON.readTree(artifact(run, "evaluation/confusion_matrix.json"));
		long total = 0;
		for (JsonNode row : matrix.path("matrix")) {
			for (JsonNode cell : row) {
				total += cell.asLong();
			}
		}
		assertThat(total).isEqualTo(160);
		assertThat(artifact(run, "evaluation/feature_importance.json")).contains("plan=monthly");

		// the model is also an MLflow 3 logged model: READY, the run's output, its metrics and files its own
		String modelId = run.path("outputs").path("model_outputs").path(0).path("model_id").asString();
		assertThat(modelId).matches("m-[0-9a-f]{32}");
		JsonNode logged = Http.json(admin().get("/api/2.0/mlflow/logged-models/" + modelId)).path("model");
		assertThat(logged.path("info").path("status").asString()).isEqualTo("LOGGED_MODEL_READY");
		assertThat(logged.path("info").path("source_run_id").asString()).isEqualTo(job.path("runId").asString());
		assertThat(logged.path("data").path("metrics").findValuesAsString("key")).contains("accuracy", "roc_auc");
		assertThat(logged.path("data").path("params").toString()).contains("epochs");
		JsonNode files = Http.json(admin().get("/api/2.0/mlflow/logged-models/" + modelId + "/artifacts/directories"));
		assertThat(files.path("files").findValuesAsString("path")).contains("MLmodel", "model.onnx", "signature.json");
	}

	@Test
	void theSameSeedGivesTheSameModelAndATreeIsServedFromTribuosForm() {
		String body = """
				{"dataset":"train_churn","target":"churned","algorithm":"cart","hyperparameters":{"max_depth":5},
				 "experiment":"churn-tests","seed":11}""";
		JsonNode first = run(TrainingFixtures.train(admin(), body).path("runId").asString());
		JsonNode second = run(TrainingFixtures.train(admin(), body).path("runId").asString());
		assertThat(metrics(first).get("accuracy")).isEqualTo(metrics(second).get("accuracy"));
		assertThat(params(first).get("dataset_fingerprint")).isEqualTo(params(second).get("dataset_fingerprint"));
		assertThat(artifact(first, "evaluation/confusion_matrix.json"))
			.isEqualTo(artifact(second, "evaluation/confusion_matrix.json"));
		assertThat(Http.JSON.readTree(artifact(first, "model/signature.json")).path("format").asString())
			.isEqualTo("tribuo");
		String root = first.path("info").path("artifact_uri").asString().replace("mlflow-artifacts:/", "");
		assertThat(admin().get("/api/2.0/mlflow-artifacts/artifacts/" + root + "/model/model.onnx").statusCode())
			.isEqualTo(404);
	}

	@Test
	void aGridSearchLogsEachCandidateAsAChildRunAndKeepsTheBest() {
		JsonNode job = TrainingFixtures.train(admin(), """
				{"dataset":"train_churn","target":"churned","algorithm":"logistic-regression","experiment":"churn-search",
				 "search":{"strategy":"grid","space":{"learning_rate":[0.01,0.5],"epochs":[3,12]}}}""");
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("FINISHED");
		String parent = job.path("runId").asString();
		JsonNode children = Http.json(admin().postJson("/api/2.0/mlflow/runs/search", """
				{"experiment_ids":["%s"],"filter":"tags.mlflow.parentRunId = '%s'"}"""
			.formatted(job.path("experimentId").asString(), parent)));
		assertThat(children.path("runs").size()).isEqualTo(4);
		double best = 0;
		String bestRate = null;
		for (JsonNode child : children.path("runs")) {
			double score = metrics(child).get("validation_accuracy");
			if (score > best) {
				best = score;
				bestRate = params(child).get("learning_rate");
			}
		}
		JsonNode run = run(parent);
		assertThat(params(run)).containsEntry("search_strategy", "grid").containsEntry("search_candidates", "4");
		assertThat(metrics(run)).containsKey("accuracy");
		JsonNode history = Http.json(admin().get("/api/2.0/mlflow/metrics/get-history?run_id=" + parent
				+ "&metric_key=search_validation_accuracy"));
		assertThat(history.path("metrics").size()).isEqualTo(4);
		assertThat(history.path("metrics").findValuesAsString("value").isEmpty()).isFalse();
		double top = 0;
		for (JsonNode point : history.path("metrics")) {
			top = Math.max(top, point.path("value").asDouble());
		}
		assertThat(top).isCloseTo(best, within(1e-9));
		assertThat(bestRate).isNotNull();
	}

	@Test
	void regressionReportsErrorMetrics() {
		JsonNode job = TrainingFixtures.train(admin(), """
				{"dataset":"train_churn","target":"charges","task":"regression","algorithm":"linear-regression",
				 "experiment":"charges-tests"}""");
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("FINISHED");
		assertThat(metrics(run(job.path("runId").asString()))).containsKeys("rmse", "mae", "r2");
	}

	@Test
	void badRequestsAreRefusedAtOnceNamingTheProblem() {
		assertProblem("""
				{"dataset":"train_churn","target":"churned","algorithm":"deep-magic"}""", 400, "deep-magic");
		assertProblem("""
				{"dataset":"train_churn","target":"nothing","algorithm":"cart"}""", 400, "no column 'nothing'");
		assertProblem("""
				{"dataset":"no_such_table","target":"x","algorithm":"cart"}""", 404, "no_such_table");
		assertProblem("""
				{"dataset":"train_churn","target":"plan","task":"regression","algorithm":"cart"}""", 400, "numeric target");
		assertProblem("""
				{"dataset":"train_churn","target":"churned","algorithm":"cart","hyperparameters":{"max_depth":0}}""", 400,
				"max_depth");
		assertProblem("""
				{"dataset":"train_churn","target":"churned","algorithm":"cart","hyperparameters":{"depth":3}}""", 400,
				"Unknown hyperparameter 'depth'");
		assertProblem("""
				{"dataset":"train_churn","target":"churned","algorithm":"cart",
				 "search":{"strategy":"grid","space":{"max_depth":[1,2,3,4,5,6,7,8],"min_child_weight":[1,2,3,4,5,6,7]}}}""",
				400, "at most 50");
	}

	void assertProblem(String body, int status, String detail) {
		HttpResponse<String> response = admin().postJson("/api/mlops/training-runs", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(Http.json(response).path("detail").asString()).contains(detail);
	}

	@Test
	void aJobThatFailsIsMarkedFailedAndTheNextOneStillRuns() {
		TrainingFixtures.load(admin(), "train_empty_target", "a,b,label\n1,2,\n3,4,\n5,6,\n");
		JsonNode failed = TrainingFixtures.train(admin(), """
				{"dataset":"train_empty_target","target":"label","algorithm":"logistic-regression","experiment":"fails"}""");
		assertThat(failed.path("state").asString()).isEqualTo("FAILED");
		assertThat(failed.path("error").asString()).contains("usable target");
		assertThat(run(failed.path("runId").asString()).path("info").path("status").asString()).isEqualTo("FAILED");
		JsonNode next = TrainingFixtures.train(admin(), """
				{"dataset":"train_churn","target":"churned","algorithm":"liblinear","experiment":"fails"}""");
		assertThat(next.path("state").asString()).isEqualTo("FINISHED");
		assertThat(Http.json(admin().get("/api/insights/datasets/train_churn")).path("dataset").path("rowCount").asLong())
			.isEqualTo(800);
	}

	@Test
	void aCsvUploadedWithTheRequestBecomesADatasetAndIsTrainedOn() {
		HttpResponse<String> submitted = admin().upload("/api/mlops/training-runs", "customers.csv",
				TrainingFixtures.churnCsv(300, 3).getBytes(java.nio.charset.StandardCharsets.UTF_8),
				Map.of("dataset", "train_uploaded", "target", "churned", "algorithm", "cart", "hp.max_depth", "4",
						"experiment", "uploads"));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
		JsonNode job = TrainingFixtures.await(admin(), submitted.headers().firstValue("Location").orElseThrow());
		assertThat(job.path("state").asString()).isEqualTo("FINISHED");
		assertThat(params(run(job.path("runId").asString()))).containsEntry("dataset", "train_uploaded")
			.containsEntry("max_depth", "4");
		assertThat(Http.json(admin().get("/api/insights/datasets/train_uploaded")).path("dataset").path("rowCount")
			.asLong()).isEqualTo(300);

		HttpResponse<String> badTarget = admin().upload("/api/mlops/training-runs", "more.csv",
				TrainingFixtures.churnCsv(50, 4).getBytes(java.nio.charset.StandardCharsets.UTF_8),
				Map.of("dataset", "train_uploaded_bad", "target", "nope", "algorithm", "cart"));
		assertThat(badTarget.statusCode()).isEqualTo(400);
		assertThat(admin().get("/api/insights/datasets/train_uploaded_bad").statusCode()).isEqualTo(404);
		HttpResponse<String> taken = admin().upload("/api/mlops/training-runs", "again.csv",
				TrainingFixtures.churnCsv(50, 4).getBytes(java.nio.charset.StandardCharsets.UTF_8),
				Map.of("dataset", "train_uploaded", "target", "churned", "algorithm", "cart"));
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(Http.json(admin().get("/api/insights/datasets/train_uploaded")).path("dataset").path("rowCount")
			.asLong()).isEqualTo(300);
	}

	@Test
	void theAlgorithmsListTheirHyperparameters() {
		JsonNode algorithms = Http.json(admin().get("/api/mlops/algorithms"));
		assertThat(algorithms.findValuesAsString("key")).contains("logistic-regression", "linear-svm", "liblinear",
				"factorization-machine", "cart", "random-forest", "xgboost", "linear-regression");
		assertThat(algorithms.get(0).path("hyperparameters").get(0).path("name").asString()).isEqualTo("learning_rate");
	}

}
