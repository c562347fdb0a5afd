package dev.eaw.web.mlops;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MLflow's {@code GET /version}: MLflow's server answers its version string as the body
 * ({@code mlflow/server/__init__.py} in mlflow/mlflow, {@code return VERSION, 200}); this server says it is a 3.x one.
 * Like MLflow's basic-auth app ({@code mlflow/server/auth/__init__.py}, where only {@code /static},
 * {@code /favicon.ico} and {@code /health} are unprotected), it needs a signed-in caller: a 401 for MLflow's clients,
 * not the sign-in page.
 */
@AppTest
class MlflowVersionTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void anMlflowClientSeesAThreeXServer() {
		accounts.create("version-viewer", "viewer-secret", Role.VIEWER, "test");
		for (Http client : new Http[] { Http.basic(port, "admin", AppTest.ADMIN_PASSWORD),
				Http.basic(port, "version-viewer", "viewer-secret") }) {
			HttpResponse<String> version = client.get("/version");
			assertThat(version.statusCode()).isEqualTo(200);
			assertThat(version.body()).matches("3\\.\\d+\\.\\d+");
			assertThat(version.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("text/plain"));
		}
		HttpResponse<String> anonymous = Http.anonymous(port).get("/version");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Location")).isEmpty();
	}

}
