package dev.eaw.mlops.mlflow;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** MLflow's {@code GET /version} (in {@code mlflow/server/__init__.py}): the server's MLflow version as plain text. */
@RestController
@Tag(name = "MLflow tracking", description = "MLflow REST API (2.x and 3.x clients): experiments, runs, metrics, params, tags, logged models")
class MlflowVersionController {

	/**
	 * The MLflow version this server answers as. MLflow 3 clients speak to a 3.x server: this server implements the
	 * MLflow 3 calls they make (LoggedModel API, {@code get-artifact}, multipart uploads through the artifact proxy)
	 * beside every 2.x call, so it says it is a 3.x server rather than the 2.17.2 its tracking tests were written
	 * against.
	 */
	static final String MLFLOW_VERSION = "3.1.0";

	@GetMapping(path = "/version", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "The MLflow version this server speaks, as plain text")
	String version() {
		return MLFLOW_VERSION;
	}

}
