package dev.eaw.web.mlops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VIEWER may read MLflow data, including through the POST search and get-latest-versions endpoints, but may not
 * write; anonymous callers may not read.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlflowViewerTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@BeforeAll
	void viewer() {
		accounts.create("mlflow-viewer", "viewer-secret", Role.VIEWER, "test");
	}

	@Test
	void aViewerSearchesAndReadsButCannotCreate() {
		Http viewer = Http.basic(port, "mlflow-viewer", "viewer-secret");
		for (String prefix : new String[] { "/api/2.0/mlflow", "/ajax-api/2.0/mlflow" }) {
			assertThat(viewer.postJson(prefix + "/experiments/search", "{\"max_results\": \"5\"}").statusCode())
				.isEqualTo(200);
			assertThat(viewer.postJson(prefix + "/runs/search", "{\"experiment_ids\": [\"0\"]}").statusCode())
				.isEqualTo(200);
			assertThat(viewer.get(prefix + "/experiments/get?experiment_id=0").statusCode()).isEqualTo(200);
			assertThat(viewer.get(prefix + "/experiments/get-by-name?experiment_name=Default").statusCode())
				.isEqualTo(200);
			assertThat(viewer.postJson(prefix + "/experiments/create", "{\"name\": \"viewer-made\"}").statusCode())
				.isEqualTo(403);
			assertThat(viewer.postJson(prefix + "/runs/create", "{\"experiment_id\": \"0\"}").statusCode()).isEqualTo(403);
			// MLflow 3's logged models: searching reads, creating and finalizing write
			assertThat(viewer.postJson(prefix + "/logged-models/search", "{\"experiment_ids\": [\"0\"]}").statusCode())
				.isEqualTo(200);
			assertThat(viewer.postJson(prefix + "/logged-models", "{\"experiment_id\": \"0\"}").statusCode())
				.isEqualTo(403);
			assertThat(viewer.patchJson(prefix + "/logged-models/m-" + "0".repeat(32), "{\"status\": \"READY\"}")
				.statusCode()).isEqualTo(403);
		}
		assertThat(Http.anonymous(port).get("/ajax-api/2.0/mlflow/experiments/get?experiment_id=0").statusCode())
			.isEqualTo(401);
		assertThat(Http.basic(port, "admin", AppTest.ADMIN_PASSWORD)
			.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=viewer-made")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aViewerReadsTheRegistryButCannotChangeIt() {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		String name = "viewed-" + java.util.UUID.randomUUID();
		assertThat(admin.postJson("/api/2.0/mlflow/registered-models/create", "{\"name\": \"" + name + "\"}").statusCode())
			.isEqualTo(200);
		assertThat(admin.postJson("/api/2.0/mlflow/model-versions/create",
				"{\"name\": \"" + name + "\", \"source\": \"s3://b/m\"}").statusCode()).isEqualTo(200);
		Http viewer = Http.basic(port, "mlflow-viewer", "viewer-secret");
		for (String prefix : new String[] { "/api/2.0/mlflow", "/ajax-api/2.0/mlflow" }) {
			assertThat(viewer.get(prefix + "/registered-models/get?name=" + name).statusCode()).isEqualTo(200);
			assertThat(viewer.get(prefix + "/registered-models/search?max_results=5").statusCode()).isEqualTo(200);
			assertThat(viewer.get(prefix + "/model-versions/search?max_results=5").statusCode()).isEqualTo(200);
			assertThat(viewer.get(prefix + "/model-versions/get?name=" + name + "&version=1").statusCode()).isEqualTo(200);
			assertThat(viewer.postJson(prefix + "/registered-models/get-latest-versions", "{\"name\": \"" + name + "\"}")
				.statusCode()).isEqualTo(200);
			assertThat(viewer.postJson(prefix + "/registered-models/create", "{\"name\": \"viewer-model\"}").statusCode())
				.isEqualTo(403);
			assertThat(viewer.postJson(prefix + "/model-versions/create", "{\"name\": \"" + name + "\", \"source\": \"x\"}")
				.statusCode()).isEqualTo(403);
			assertThat(viewer.postJson(prefix + "/registered-models/alias",
					"{\"name\": \"" + name + "\", \"alias\": \"a\", \"version\": \"1\"}").statusCode()).isEqualTo(403);
			assertThat(viewer.patchJson(prefix + "/registered-models/update", "{\"name\": \"" + name + "\", \"description\": \"x\"}")
				.statusCode()).isEqualTo(403);
			assertThat(viewer.deleteJson(prefix + "/registered-models/delete", "{\"name\": \"" + name + "\"}").statusCode())
				.isEqualTo(403);
		}
		assertThat(admin.get("/api/2.0/mlflow/model-versions/get?name=" + name + "&version=1").statusCode()).isEqualTo(200);
	}

}
