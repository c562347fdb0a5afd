package dev.eaw.mlops.mlflow;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.RunArtifacts;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * MLflow's file downloads by run or model version ({@code get-artifact?run_id=&path=},
 * {@code model-versions/get-artifact?name=&version=&path=}): at the root as MLflow's server routes them
 * ({@code mlflow/server/__init__.py}), and under the REST and UI prefixes. The path is relative to the run's or
 * version's artifact root and may not leave it.
 */
@RestController
@Tag(name = "MLflow artifacts", description = "MLflow artifact proxy: files of runs and models")
class MlflowGetArtifactController {

	private final ArtifactStore store;

	private final RunArtifacts artifacts;

	private final RunTracking runs;

	private final ModelRegistry registry;

	MlflowGetArtifactController(ArtifactStore store, RunArtifacts artifacts, RunTracking runs,
			ModelRegistry registry) {
		this.store = store;
		this.artifacts = artifacts;
		this.runs = runs;
		this.registry = registry;
	}

	@GetMapping({ "/get-artifact", "/api/2.0/mlflow/get-artifact", "/ajax-api/2.0/mlflow/get-artifact" })
	@Operation(summary = "Download a file of a run: run_id (or run_uuid), path")
	ResponseEntity<Resource> runArtifact(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		String runId = request.runId();
		String path = request.required("path");
		String root = RunArtifacts.root(runs.get(runId).info());
		if (root == null) {
			throw TrackingError.notFound("The artifacts of run " + runId + " are not kept by this server.");
		}
		return send(root, path);
	}

	@GetMapping({ "/model-versions/get-artifact", "/api/2.0/mlflow/model-versions/get-artifact",
			"/ajax-api/2.0/mlflow/model-versions/get-artifact" })
	@Operation(summary = "Download a file of a model version: name, version, path")
	ResponseEntity<Resource> versionArtifact(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		String name = request.required("name");
		String version = request.required("version");
		String path = request.required("path");
		String root = artifacts.storePath(registry.downloadUri(name, version));
		if (root == null) {
			throw TrackingError.notFound("The files of version " + version + " of '" + name
					+ "' are not kept by this server.");
		}
		return send(root, path);
	}

	/** The file at {@code path} under {@code root}; as MLflow's {@code validate_path_is_safe}, no absolute path. */
	private ResponseEntity<Resource> send(String root, String path) {
		if (path.isEmpty() || path.startsWith("/")) {
			throw TrackingError.invalid("Invalid path: '" + path + "'.");
		}
		return ArtifactDownloads.send(store, root + "/" + path);
	}

}
