package dev.eaw.web.mlops;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

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
 * Multipart artifact uploads through the proxy exactly as MLflow 3's {@code HttpArtifactRepository} makes them
 * ({@code mlflow/store/artifact/http_artifact_repo.py} in mlflow/mlflow: {@code create_multipart_upload},
 * {@code _upload_part}, {@code complete_multipart_upload}, {@code abort_multipart_upload}): {@code POST
 * /api/2.0/mlflow-artifacts/mpu/create/<run root>/<artifact dir>} with {@code {"path": <local file>, "num_parts": n}},
 * answered with {@code upload_id} and {@code credentials} ({@code url}, {@code part_number}) as
 * {@code mlflow/protos/mlflow_artifacts.proto} defines {@code CreateMultipartUpload.Response}; each chunk PUT to its
 * credential's URL, whose {@code ETag} header goes back in {@code complete}'s {@code parts}
 * ({@code [{"part_number", "etag", "url"}]}, {@code MultipartUploadPart.to_dict} in
 * {@code mlflow/entities/multipart_upload.py}); {@code abort} with {@code path} and {@code upload_id}.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlflowMultipartUploadTests {

	private static final String MPU = "/api/2.0/mlflow-artifacts/mpu/";

	private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts/";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	private Http admin;

	@Test
	void anUnknownUploadIdTakesNoPartWithoutSignIn() {
		assertError(Http.anonymous(port).putBytes(MPU + "parts/0123456789abcdef0123456789abcdef/1", chunk(10, 1)), 404,
				"RESOURCE_DOES_NOT_EXIST");
		assertThat(Http.anonymous(port).postJson(MPU + "create/7/x/artifacts", "{\"path\": \"a.bin\", \"num_parts\": 1}")
			.statusCode()).isEqualTo(401);
	}

	@BeforeAll
	void users() {
		admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		accounts.create("multipart-viewer", "viewer-secret", Role.VIEWER, "test");
	}

	private static Path root() {
		return Path.of(System.getProperty("java.io.tmpdir"), AppTest.ARTIFACTS_DIR);
	}

	private static byte[] chunk(int size, int seed) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (i * seed + 11);
		}
		return bytes;
	}

	@Test
	void threePartsUploadedOutOfOrderJoinInOrderIntoTheArtifact() throws Exception {
		String dir = "7/" + UUID.randomUUID().toString().replace("-", "") + "/artifacts/model";
		byte[][] parts = { chunk(40_000, 3), chunk(40_000, 5), chunk(1_234, 7) };
		JsonNode created = Http.json(admin.postJson(MPU + "create/" + dir,
				"{\"path\": \"/home/me/tmp/model.onnx\", \"num_parts\": 3}"));
		String uploadId = created.get("upload_id").asString();
		assertThat(uploadId).isNotBlank();
		JsonNode credentials = created.get("credentials");
		assertThat(credentials.size()).isEqualTo(3);
		String[] etags = new String[3];
		for (int i : new int[] { 2, 0, 1 }) {
			JsonNode credential = credentials.get(i);
			assertThat(credential.get("part_number").asInt()).isEqualTo(i + 1);
			String url = credential.get("url").asString();
			assertThat(url).startsWith("http://localhost:" + port + MPU);
			// MLflow's _upload_part PUTs to the credential's URL with requests.put(url, data, headers=credential
			// headers) and no sign-in, as to a presigned S3 URL: the URL itself (its random upload id) is the grant
			HttpResponse<String> put = Http.anonymous(port)
				.putBytes(url.substring(("http://localhost:" + port).length()), parts[i]);
			assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
			etags[i] = put.headers().firstValue("ETag").orElseThrow();
		}
		assertThat(Files.exists(root().resolve(dir).resolve("model.onnx"))).isFalse();
		HttpResponse<String> complete = admin.postJson(MPU + "complete/" + dir, "{\"path\": \"/home/me/tmp/model.onnx\","
				+ " \"upload_id\": \"" + uploadId + "\", \"parts\": [" + part(1, etags[0]) + ", " + part(2, etags[1])
				+ ", " + part(3, etags[2]) + "]}");
		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
		assertThat(Http.json(complete).isEmpty()).isTrue();

		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			whole.write(part);
		}
		assertThat(admin.getBytes(PROXY + dir + "/model.onnx").body()).isEqualTo(whole.toByteArray());
		assertThat(Files.readAllBytes(root().resolve(dir).resolve("model.onnx"))).isEqualTo(whole.toByteArray());
		JsonNode listing = Http.json(admin.get("/api/2.0/mlflow-artifacts/artifacts?path=" + dir)).get("files");
		assertThat(listing.size()).isEqualTo(1);
		assertThat(listing.get(0).get("path").asString()).isEqualTo("model.onnx");
		assertThat(uploadLeftovers(uploadId)).isFalse();
		assertError(admin.postJson(MPU + "complete/" + dir, "{\"path\": \"model.onnx\", \"upload_id\": \"" + uploadId
				+ "\", \"parts\": [" + part(1, etags[0]) + "]}"), 404, "RESOURCE_DOES_NOT_EXIST");
	}

	@Test
	void anAbortedUploadLeavesNoArtifactAndNoParts() {
		String dir = "7/" + UUID.randomUUID().toString().replace("-", "") + "/artifacts";
		JsonNode created = Http.json(admin.postJson("/ajax-api/2.0/mlflow-artifacts/mpu/create/" + dir,
				"{\"path\": \"C:\\\\data\\\\big.csv\", \"num_parts\": 2}"));
		String uploadId = created.get("upload_id").asString();
		String url = created.get("credentials").get(0).get("url").asString();
		assertThat(admin.putBytes(url.substring(("http://localhost:" + port).length()), chunk(10_000, 3)).statusCode())
			.isEqualTo(200);
		assertThat(uploadLeftovers(uploadId)).isTrue();
		HttpResponse<String> abort = admin.postJson(MPU + "abort/" + dir,
				"{\"path\": \"C:\\\\data\\\\big.csv\", \"upload_id\": \"" + uploadId + "\"}");
		assertThat(abort.statusCode()).as(abort.body()).isEqualTo(200);
		assertThat(uploadLeftovers(uploadId)).isFalse();
		assertThat(Files.exists(root().resolve(dir).resolve("big.csv"))).isFalse();
		assertError(admin.putBytes(url.substring(("http://localhost:" + port).length()), chunk(10, 3)), 404,
				"RESOURCE_DOES_NOT_EXIST");
	}

	@Test
	void wrongPartsTargetsAndPathsAreRefused() {
		String dir = "7/" + UUID.randomUUID().toString().replace("-", "") + "/artifacts";
		String uploadId = Http.json(admin.postJson(MPU + "create/" + dir, "{\"path\": \"a.bin\", \"num_parts\": 2}"))
			.get("upload_id")
			.asString();
		String parts = MPU + "parts/" + uploadId + "/";
		String etag = admin.putBytes(parts + "1", chunk(100, 3)).headers().firstValue("ETag").orElseThrow();
		assertError(admin.postJson(MPU + "complete/" + dir, "{\"path\": \"a.bin\", \"upload_id\": \"" + uploadId
				+ "\", \"parts\": [" + part(1, etag) + ", " + part(2, "\"x\"") + "]}"), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.postJson(MPU + "complete/" + dir, "{\"path\": \"a.bin\", \"upload_id\": \"" + uploadId
				+ "\", \"parts\": [" + part(1, "\"0123\"") + "]}"), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.postJson(MPU + "complete/" + dir, "{\"path\": \"b.bin\", \"upload_id\": \"" + uploadId
				+ "\", \"parts\": [" + part(1, etag) + "]}"), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.putBytes(parts + "0", chunk(1, 1)), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.putBytes(parts + "x", chunk(1, 1)), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.putBytes(MPU + "parts/not-an-upload/1", chunk(1, 1)), 404, "RESOURCE_DOES_NOT_EXIST");
		assertError(admin.postJson(MPU + "create/" + dir, "{\"path\": \"/tmp/..\"}"), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.postJson(MPU + "create/" + dir, "{\"path\": \"a.bin\", \"num_parts\": 10001}"), 400,
				"INVALID_PARAMETER_VALUE");
		assertError(admin.postJson(MPU + "create/" + dir, "{\"num_parts\": 1}"), 400, "INVALID_PARAMETER_VALUE");
		assertError(admin.putBytes(PROXY + ".multipart-uploads/" + uploadId + "/part-00001", chunk(1, 1)), 400,
				"INVALID_PARAMETER_VALUE");
		assertThat(Http.json(admin.get("/api/2.0/mlflow-artifacts/artifacts")).toString())
			.doesNotContain(".multipart-uploads");
		HttpResponse<String> complete = admin.postJson(MPU + "complete/" + dir, "{\"path\": \"a.bin\", "
				+ "\"upload_id\": \"" + uploadId + "\", \"parts\": [{\"part_number\": 1, \"etag\": \"\", \"url\": null}]}");
		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
		assertThat(admin.getBytes(PROXY + dir + "/a.bin").body()).isEqualTo(chunk(100, 3));
	}

	@Test
	void startingAndAbortingAnUploadNeedAnAnalyst() {
		String dir = "7/" + UUID.randomUUID().toString().replace("-", "") + "/artifacts";
		Http viewer = Http.basic(port, "multipart-viewer", "viewer-secret");
		assertThat(viewer.postJson(MPU + "create/" + dir, "{\"path\": \"a.bin\", \"num_parts\": 1}").statusCode())
			.isEqualTo(403);
		String uploadId = Http.json(admin.postJson(MPU + "create/" + dir, "{\"path\": \"a.bin\", \"num_parts\": 1}"))
			.get("upload_id")
			.asString();
		assertThat(viewer.postJson(MPU + "abort/" + dir, "{\"path\": \"a.bin\", \"upload_id\": \"" + uploadId + "\"}")
			.statusCode()).isEqualTo(403);
		assertThat(uploadLeftovers(uploadId)).isTrue();
		assertThat(admin.postJson(MPU + "abort/" + dir, "{\"path\": \"a.bin\", \"upload_id\": \"" + uploadId + "\"}")
			.statusCode()).isEqualTo(200);
	}

	/** Whether anything of the upload is still in the store (where the local store keeps the parts). */
	private static boolean uploadLeftovers(String uploadId) {
		Path uploads = root().resolve(".multipart-uploads");
		if (!Files.isDirectory(uploads)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(uploads)) {
			return entries.anyMatch(p -> p.getFileName().toString().equals(uploadId));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String part(int number, String etag) {
		return "{\"part_number\": " + number + ", \"etag\": " + Http.JSON.writeValueAsString(etag) + ", \"url\": null}";
	}

	private static void assertError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(Http.json(response).get("error_code").asString()).isEqualTo(code);
	}

}
