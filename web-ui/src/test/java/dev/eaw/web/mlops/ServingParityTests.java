package dev.eaw.web.mlops;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.RunTracking;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.eaw.web.mlops.ServingFixture.customers;
import static dev.eaw.web.mlops.ServingFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * For every ONNX-exportable algorithm, the ONNX model (through ONNX Runtime) and the same model's Tribuo form (its
 * package copied with the signature's format set to {@code tribuo}, registered as a second version) give the same
 * probabilities, scores or values for the same rows, to 1e-4.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingParityTests {

	private static final String SERVING = "/api/mlops/serving/";

	@LocalServerPort
	int port;

	@Autowired
	ArtifactStore artifacts;

	@Autowired
	RunTracking runs;

	Http admin;

	@BeforeAll
	void data() {
		admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		ServingFixture.upload(admin, "parity_churn", ServingFixture.csv(600, 17, false));
		ServingFixture.upload(admin, "parity_spend", ServingFixture.csv(600, 18, true));
	}

	@ParameterizedTest
	@CsvSource({ "classification, logistic-regression", "classification, linear-svm", "classification, liblinear",
			"classification, factorization-machine", "regression, linear-regression", "regression, liblinear",
			"regression, factorization-machine" })
	void onnxAndTribuoAgree(String task, String algorithm) throws IOException {
		boolean regression = task.equals("regression");
		String runId = ServingFixture.train(admin, regression ? "parity_spend" : "parity_churn",
				regression ? "spend" : "churned", task, algorithm);
		String model = "parity-" + algorithm + "-" + UUID.randomUUID().toString().substring(0, 8);
		String onnx = ServingFixture.register(admin, model, runId);
		String root = runs.get(runId).info().artifactUri().substring("mlflow-artifacts:/".length());
		for (String file : List.of("model.tribuo", "feature_profile.json")) {
			try (InputStream in = Files.newInputStream(artifacts.download(root + "/model/" + file))) {
				artifacts.upload(root + "/tribuo-copy/" + file, in);
			}
		}
		ObjectNode signature = (ObjectNode) Http.JSON.readTree(Files.readString(artifacts.download(root + "/model/signature.json")));
		assertThat(signature.get("format").asString()).isEqualTo("onnx");
		signature.put("format", "tribuo");
		artifacts.upload(root + "/tribuo-copy/signature.json",
				new ByteArrayInputStream(Http.JSON.writeValueAsBytes(signature)));
		String tribuo = ServingFixture.register(admin, model, "mlflow-artifacts:/" + root + "/tribuo-copy", runId);
		assertThat(Http.json(admin.get(SERVING + model + "/" + tribuo + "/signature")).get("signature").get("format")
			.asString()).isEqualTo("tribuo");

		String rows = records(customers(200, 99, 0));
		JsonNode fromOnnx = Http.json(admin.postJson(SERVING + model + "/" + onnx + "/invocations", rows)).get("predictions");
		JsonNode fromTribuo = Http.json(admin.postJson(SERVING + model + "/" + tribuo + "/invocations", rows))
			.get("predictions");
		assertThat(fromOnnx.size()).isEqualTo(200);
		assertThat(fromTribuo.size()).isEqualTo(200);
		for (int i = 0; i < 200; i++) {
			JsonNode a = fromOnnx.get(i);
			JsonNode b = fromTribuo.get(i);
			if (regression) {
				assertThat(a.asDouble()).as("row %d", i).isCloseTo(b.asDouble(), within(1e-4 * Math.max(1, Math.abs(b.asDouble()))));
				continue;
			}
			String key = a.has("probabilities") ? "probabilities" : "scores";
			assertThat(b.has(key)).as(b.toString()).isTrue();
			for (Map.Entry<String, JsonNode> score : a.get(key).properties()) {
				assertThat(score.getValue().asDouble()).as("row %d class %s", i, score.getKey())
					.isCloseTo(b.get(key).get(score.getKey()).asDouble(), within(1e-4));
			}
			if (key.equals("probabilities")) {
				double sum = 0;
				for (Map.Entry<String, JsonNode> score : a.get(key).properties()) {
					sum += score.getValue().asDouble();
				}
				assertThat(sum).isCloseTo(1.0, within(1e-5));
				assertThat(a.get("label").asString()).isEqualTo(b.get("label").asString());
			}
		}
	}

}
