package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
 * MLflow's file downloads by run and by model version, as MLflow's server routes them: {@code /get-artifact} and
 * {@code /model-versions/get-artifact} at the root ({@code mlflow/server/__init__.py} in mlflow/mlflow), the query
 * parameters of {@code get_artifact_handler} ({@code run_id} or {@code run_uuid}, {@code path}) and
 * {@code get_model_version_artifact_handler} ({@code name}, {@code version}, {@code path}) in
 * {@code mlflow/server/handlers.py}, which send the file as an attachment with {@code X-Content-Type-Options: nosniff}
 * ({@code _send_artifact}) and refuse unsafe paths ({@code validate_path_is_safe}); also under {@code /api/2.0/mlflow}
 * and {@code /ajax-api/2.0/mlflow}.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlflowGetArtifactTests {

	private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts/";

	private static final byte[] MLMODEL = "artifact_path: model\nflavors: {}\n".getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	private Http admin;

	private String runId;

	private final byte[] weights = new byte[5_000];

	@BeforeAll
	void runWithFiles() {
		admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		accounts.create("get-artifact-viewer", "viewer-secret", Role.VIEWER, "test");
		String experiment = Http.json(admin.postJson("/api/2.0/mlflow/experiments/create",
				"{\"name\": \"get-artifact-" + UUID.randomUUID() + "\"}")).get("experiment_id").asString();
		runId = Http.json(admin.postJson("/api/2.0/mlflow/runs/create", "{\"experiment_id\": \"" + experiment + "\"}"))
			.get("run")
			.get("info")
			.get("run_id")
			.asString();
		for (int i = 0; i < weights.length; i++) {
			weights[i] = (byte) (i * 7 + 3);
		}
		String root = PROXY + experiment + "/" + runId + "/artifacts/";
		assertThat(admin.putBytes(root + "model/MLmodel", MLMODEL).statusCode()).isEqualTo(200);
		assertThat(admin.putBytes(root + "model/model.bin", weights).statusCode()).isEqualTo(200);
		assertThat(admin.putBytes(root + "notes.txt", "hello".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aRunsFileDownloadsByRunIdOrRunUuidOnEveryPrefix() {
		for (String route : new String[] { "/get-artifact", "/api/2.0/mlflow/get-artifact",
				"/ajax-api/2.0/mlflow/get-artifact" }) {
			HttpResponse<byte[]> byUuid = admin.getBytes(route + "?path=model/model.bin&run_uuid=" + runId);
			assertThat(byUuid.statusCode()).as(route).isEqualTo(200);
			assertThat(byUuid.body()).as(route).isEqualTo(weights);
			assertThat(byUuid.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/octet-stream"));
			assertThat(byUuid.headers().firstValue("Content-Disposition")).hasValueSatisfying(
					value -> assertThat(value).startsWith("attachment").contains("model.bin"));
			assertThat(byUuid.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			HttpResponse<byte[]> byId = admin.getBytes(route + "?run_id=" + runId + "&path=notes.txt");
			assertThat(new String(byId.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
			assertThat(byId.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("text/plain"));
		}
	}

	@Test
	void aModelVersionsFileDownloadsFromWhereItsSourcePoints() {
		String name = "get-artifact-model-" + UUID.randomUUID();
		assertThat(admin.postJson("/api/2.0/mlflow/registered-models/create", "{\"name\": \"" + name + "\"}")
			.statusCode()).isEqualTo(200);
		String version = Http.json(admin.postJson("/api/2.0/mlflow/model-versions/create", "{\"name\": \"" + name
				+ "\", \"source\": \"runs:/" + runId + "/model\", \"run_id\": \"" + runId + "\"}"))
			.get("model_version")
			.get("version")
			.asString();
		for (String route : new String[] { "/model-versions/get-artifact",
				"/api/2.0/mlflow/model-versions/get-artifact", "/ajax-api/2.0/mlflow/model-versions/get-artifact" }) {
			HttpResponse<byte[]> file = admin.getBytes(route + "?name=" + name + "&version=" + version
					+ "&path=MLmodel");
			assertThat(file.statusCode()).as(route).isEqualTo(200);
			assertThat(file.body()).as(route).isEqualTo(MLMODEL);
			assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
					value -> assertThat(value).startsWith("attachment"));
		}
		assertError(admin.get("/model-versions/get-artifact?name=" + name + "&version=" + version + "&path=nope.bin"),
				404, "RESOURCE_DOES_NOT_EXIST");
		assertError(admin.get("/model-versions/get-artifact?name=" + name + "&version=99&path=MLmodel"), 404,
				"RESOURCE_DOES_NOT_EXIST");
		assertError(admin.get("/model-versions/get-artifact?name=" + name + "&version=" + version
				+ "&path=../../notes.txt"), 400, "INVALID_PARAMETER_VALUE");
	}

	@Test
	void missingFilesAreNotFoundAndUnsafePathsRefused() {
		assertError(admin.get("/get-artifact?run_uuid=" + runId + "&path=model/missing.bin"), 404,
				"RESOURCE_DOES_NOT_EXIST");
		assertError(admin.get("/ajax-api/2.0/mlflow/get-artifact?run_id=" + runId + "&path=model"), 404,
				"RESOURCE_DOES_NOT_EXIST");
		assertError(admin.get("/get-artifact?run_uuid=" + UUID.randomUUID().toString().replace("-", "")
				+ "&path=notes.txt"), 404, "RESOURCE_DOES_NOT_EXIST");
		for (String path : new String[] { "../../../etc/passwd", "..%2F..%2Fnotes.txt", "/etc/passwd",
				"model/../../other/artifacts/x", "a%5C..%5C..%5Cx" }) {
			assertError(admin.get("/get-artifact?run_uuid=" + runId + "&path=" + path), 400, "INVALID_PARAMETER_VALUE");
		}
		assertError(admin.get("/get-artifact?path=notes.txt"), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.get("/get-artifact?run_id=" + runId), 400, "INVALID_PARAMETER_VALUE");
	}

	@Test
	void aViewerDownloadsAndAnAnonymousCallerIsAskedToSignIn() {
		Http viewer = Http.basic(port, "get-artifact-viewer", "viewer-secret");
		assertThat(viewer.getBytes("/get-artifact?run_uuid=" + runId + "&path=model/model.bin").body())
			.isEqualTo(weights);
		HttpResponse<String> anonymous = Http.anonymous(port).get("/get-artifact?run_uuid=" + runId + "&path=notes.txt");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(Http.anonymous(port).get("/model-versions/get-artifact?name=x&version=1&path=MLmodel").statusCode())
			.isEqualTo(401);
	}

	private static void assertError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = Http.json(response);
		assertThat(body.get("error_code").asString()).isEqualTo(code);
		assertThat(body.get("message").asString()).isNotBlank();
	}

}
