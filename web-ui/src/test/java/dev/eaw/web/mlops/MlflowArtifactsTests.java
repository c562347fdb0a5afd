package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * MLflow's artifact proxy over real HTTP on real files: upload, download byte for byte, list, delete, MLflow's
 * errors for missing files and unsafe paths, the VIEWER's rights, and a run's {@code artifacts/list}.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlflowArtifactsTests {

	private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	private Http admin;

	@BeforeAll
	void users() {
		admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		accounts.create("artifact-viewer", "viewer-secret", Role.VIEWER, "test");
	}

	private static Path root() {
		return Path.of(System.getProperty("java.io.tmpdir"), AppTest.ARTIFACTS_DIR);
	}

	@Test
	void uploadsDownloadsListsAndDeletes() throws Exception {
		String base = "1/" + UUID.randomUUID().toString().replace("-", "") + "/artifacts";
		byte[] text = "hello, artifacts\n".getBytes(StandardCharsets.UTF_8);
		byte[] binary = new byte[70_000];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (byte) (i * 31 + 7);
		}
		HttpResponse<String> put = admin.putBytes(PROXY + "/" + base + "/notes.txt", text);
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(Http.json(put).isEmpty()).isTrue();
		assertThat(admin.putBytes(PROXY + "/" + base + "/model/model.onnx", binary).statusCode()).isEqualTo(200);
		assertThat(Files.readAllBytes(root().resolve(base).resolve("model/model.onnx"))).isEqualTo(binary);

		HttpResponse<byte[]> got = admin.getBytes(PROXY + "/" + base + "/model/model.onnx");
		assertThat(got.statusCode()).isEqualTo(200);
		assertThat(got.body()).isEqualTo(binary);
		assertThat(got.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/octet-stream"));
		HttpResponse<byte[]> gotText = admin.getBytes(PROXY + "/" + base + "/notes.txt");
		assertThat(gotText.body()).isEqualTo(text);
		assertThat(gotText.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/plain"));

		JsonNode files = Http.json(admin.get(PROXY + "?path=" + base)).get("files");
		assertThat(files.size()).isEqualTo(2);
		assertThat(files.get(0).get("path").asString()).isEqualTo("model");
		assertThat(files.get(0).get("is_dir").asBoolean()).isTrue();
		assertThat(files.get(0).has("file_size")).isFalse();
		assertThat(files.get(1).get("path").asString()).isEqualTo("notes.txt");
		assertThat(files.get(1).get("is_dir").asBoolean()).isFalse();
		assertThat(files.get(1).get("file_size").asLong()).isEqualTo(text.length);
		JsonNode inModel = Http.json(admin.get(PROXY + "?path=" + base + "/model")).get("files");
		assertThat(inModel.get(0).get("path").asString()).isEqualTo("model.onnx");
		assertThat(inModel.get(0).get("file_size").asLong()).isEqualTo(binary.length);
		assertThat(Http.json(admin.get(PROXY + "?path=" + base + "/nothing-here")).isEmpty()).isTrue();

		assertThat(admin.delete(PROXY + "/" + base + "/notes.txt").statusCode()).isEqualTo(200);
		HttpResponse<String> missing = admin.get(PROXY + "/" + base + "/notes.txt");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(Http.json(missing).get("error_code").asString()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
		assertThat(admin.delete(PROXY + "/" + base + "/notes.txt").statusCode()).isEqualTo(404);
	}

	@Test
	void unsafePathsAreRefusedAndNothingEscapesTheRoot() {
		String escaped = "escaped-" + UUID.randomUUID();
		byte[] body = "x".getBytes(StandardCharsets.UTF_8);
		for (String path : new String[] { "/../../" + escaped, "/%2e%2e/" + escaped, "/%2E%2E/%2E%2E/" + escaped,
				"//tmp/" + escaped, "/%2Ftmp/" + escaped, "/a%5C..%5C..%5C" + escaped, "/a/..%2F..%2F" + escaped }) {
			HttpResponse<String> put = admin.putBytes(PROXY + path, body);
			assertThat(put.statusCode()).as(path).isEqualTo(400);
			assertThat(admin.get(PROXY + path).statusCode()).as(path).isEqualTo(400);
		}
		HttpResponse<String> listing = admin.get(PROXY + "?path=../../etc");
		assertThat(listing.statusCode()).isEqualTo(400);
		assertThat(Http.json(listing).get("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");
		assertThat(admin.get(PROXY + "?path=/etc").statusCode()).isEqualTo(400);
		assertThat(admin.get(PROXY + "/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(400);
		assertThat(Files.exists(root().getParent().resolve(escaped))).isFalse();
		assertThat(Files.exists(Path.of("/tmp", escaped))).isFalse();
		assertThat(Files.exists(root().getParent().getParent().resolve(escaped))).isFalse();
	}

	@Test
	void aViewerDownloadsAndListsButCannotUploadOrDelete() {
		String base = "viewer-" + UUID.randomUUID();
		assertThat(admin.putBytes(PROXY + "/" + base + "/a.bin", new byte[] { 1, 2, 3 }).statusCode()).isEqualTo(200);
		Http viewer = Http.basic(port, "artifact-viewer", "viewer-secret");
		assertThat(viewer.getBytes(PROXY + "/" + base + "/a.bin").body()).containsExactly(1, 2, 3);
		assertThat(viewer.get(PROXY + "?path=" + base).statusCode()).isEqualTo(200);
		assertThat(viewer.putBytes(PROXY + "/" + base + "/b.bin", new byte[] { 4 }).statusCode()).isEqualTo(403);
		assertThat(viewer.delete(PROXY + "/" + base + "/a.bin").statusCode()).isEqualTo(403);
		assertThat(Files.exists(root().resolve(base).resolve("b.bin"))).isFalse();
		assertThat(Http.anonymous(port).getBytes(PROXY + "/" + base + "/a.bin").statusCode()).isEqualTo(401);
	}

	@Test
	void aRunListsItsArtifactsRelativeToItsRoot() {
		String experiment = Http.json(admin.postJson("/api/2.0/mlflow/experiments/create",
				"{\"name\": \"artifacts-" + UUID.randomUUID() + "\"}")).get("experiment_id").asString();
		JsonNode info = Http.json(admin.postJson("/api/2.0/mlflow/runs/create",
				"{\"experiment_id\": \"" + experiment + "\"}")).get("run").get("info");
		String runId = info.get("run_id").asString();
		String uri = info.get("artifact_uri").asString();
		assertThat(uri).isEqualTo("mlflow-artifacts:/" + experiment + "/" + runId + "/artifacts");
		String base = experiment + "/" + runId + "/artifacts";
		assertThat(admin.putBytes(PROXY + "/" + base + "/model/MLmodel", "flavors: {}".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(200);

		JsonNode top = Http.json(admin.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId));
		assertThat(top.get("root_uri").asString()).isEqualTo(uri);
		assertThat(top.get("files").get(0).get("path").asString()).isEqualTo("model");
		assertThat(top.get("files").get(0).get("is_dir").asBoolean()).isTrue();
		JsonNode model = Http.json(admin.get("/ajax-api/2.0/mlflow/artifacts/list?run_uuid=" + runId + "&path=model"));
		assertThat(model.get("files").get(0).get("path").asString()).isEqualTo("model/MLmodel");
		assertThat(model.get("files").get(0).get("file_size").asLong()).isEqualTo(11);
		assertThat(admin.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=../x").statusCode())
			.isEqualTo(400);
	}

}
