package dev.eaw.mlops.mlflow;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.eaw.mlops.ArtifactFile;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.RunArtifacts;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.mlflow.MlflowJson.Empty;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * MLflow's artifact proxy ({@code mlflow-artifacts/artifacts/*}: upload, download, list, delete) and the tracking
 * server's {@code artifacts/list} for runs whose artifact uri is under the proxy, on both the REST and the UI prefix.
 */
@RestController
@RequestMapping({ "/api/2.0", "/ajax-api/2.0" })
@Tag(name = "MLflow artifacts", description = "MLflow artifact proxy: files of runs and models")
class MlflowArtifactsController {

	private final ArtifactStore store;

	private final RunTracking runs;

	MlflowArtifactsController(ArtifactStore store, RunTracking runs) {
		this.store = store;
		this.runs = runs;
	}

	/** MLflow's {@code FileInfo}: a path, whether it is a directory and a file's size. */
	@MlflowWire
	record FileJson(String path, @JsonProperty("is_dir") boolean isDir, @Nullable Long fileSize) {
	}

	/** A listing: the files, left out when there are none. */
	@MlflowWire
	record Files(@JsonInclude(Include.NON_EMPTY) List<FileJson> files) {
	}

	/** The tracking server's listing of a run's artifacts: its root URI and the files under the asked path. */
	@MlflowWire
	record RunFiles(String rootUri, @JsonInclude(Include.NON_EMPTY) List<FileJson> files) {
	}

	@PutMapping("/mlflow-artifacts/artifacts/{*path}")
	Empty upload(@PathVariable String path, InputStream body) {
		store.upload(strip(path), body);
		return Empty.INSTANCE;
	}

	@GetMapping("/mlflow-artifacts/artifacts/{*path}")
	ResponseEntity<Resource> download(@PathVariable String path) {
		Path file = store.download(strip(path));
		String name = file.getFileName().toString();
		MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file));
	}

	@GetMapping("/mlflow-artifacts/artifacts")
	Files list(@RequestParam(required = false) @Nullable String path) {
		return new Files(files(store.list(path == null ? "" : path), ""));
	}

	@DeleteMapping("/mlflow-artifacts/artifacts/{*path}")
	Empty delete(@PathVariable String path) {
		store.delete(strip(path));
		return Empty.INSTANCE;
	}

	@GetMapping("/mlflow/artifacts/list")
	RunFiles runArtifacts(@RequestParam(name = "run_id", required = false) @Nullable String runId,
			@RequestParam(name = "run_uuid", required = false) @Nullable String runUuid,
			@RequestParam(required = false) @Nullable String path) {
		String id = runId != null ? runId : runUuid;
		if (id == null || id.isEmpty()) {
			throw TrackingError.invalid("Missing value for required parameter 'run_id'.");
		}
		RunInfo info = runs.get(id).info();
		String sub = path == null ? "" : path;
		if (!info.artifactUri().startsWith(RunArtifacts.PROXY_SCHEME)) {
			return new RunFiles(info.artifactUri(), List.of());
		}
		String root = info.artifactUri().substring(RunArtifacts.PROXY_SCHEME.length());
		List<ArtifactFile> found = store.list(sub.isEmpty() ? root : root + "/" + sub);
		return new RunFiles(info.artifactUri(), files(found, sub.isEmpty() ? "" : sub + "/"));
	}

	private static List<FileJson> files(List<ArtifactFile> found, String prefix) {
		return found.stream().map(file -> new FileJson(prefix + file.path(), file.isDir(), file.fileSize())).toList();
	}

	private static String strip(String path) {
		return path.startsWith("/") ? path.substring(1) : path;
	}

}
