package dev.eaw.web.mlops;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import dev.eaw.mlops.ArtifactFile;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * MLflow's artifact proxy ({@code mlflow-artifacts/artifacts/*}: upload, download, list, delete) and the tracking
 * server's {@code artifacts/list} for runs whose artifact uri is under the proxy, on both the REST and the UI prefix.
 */
@RestController
@RequestMapping({ "/api/2.0", "/ajax-api/2.0" })
@Tag(name = "MLflow artifacts", description = "MLflow artifact proxy: files of runs and models")
class MlflowArtifactsController {

	static final String PROXY_SCHEME = "mlflow-artifacts:/";

	private final ArtifactStore store;

	private final RunTracking runs;

	MlflowArtifactsController(ArtifactStore store, RunTracking runs) {
		this.store = store;
		this.runs = runs;
	}

	@PutMapping("/mlflow-artifacts/artifacts/{*path}")
	Map<String, Object> upload(@PathVariable String path, InputStream body) {
		store.upload(strip(path), body);
		return Map.of();
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
	Map<String, Object> list(@RequestParam(required = false) @Nullable String path) {
		return files(store.list(path == null ? "" : path), "");
	}

	@DeleteMapping("/mlflow-artifacts/artifacts/{*path}")
	Map<String, Object> delete(@PathVariable String path) {
		store.delete(strip(path));
		return Map.of();
	}

	@GetMapping("/mlflow/artifacts/list")
	Map<String, Object> runArtifacts(@RequestParam(name = "run_id", required = false) @Nullable String runId,
			@RequestParam(name = "run_uuid", required = false) @Nullable String runUuid,
			@RequestParam(required = false) @Nullable String path) {
		String id = runId != null ? runId : runUuid;
		if (id == null || id.isEmpty()) {
			throw TrackingError.invalid("Missing value for required parameter 'run_id'.");
		}
		RunInfo info = runs.get(id).info();
		String sub = path == null ? "" : path;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("root_uri", info.artifactUri());
		if (info.artifactUri().startsWith(PROXY_SCHEME)) {
			String root = info.artifactUri().substring(PROXY_SCHEME.length());
			List<ArtifactFile> found = store.list(sub.isEmpty() ? root : root + "/" + sub);
			json.putAll(files(found, sub.isEmpty() ? "" : sub + "/"));
		}
		return json;
	}

	private static Map<String, Object> files(List<ArtifactFile> found, String prefix) {
		if (found.isEmpty()) {
			return Map.of();
		}
		List<Map<String, Object>> files = new ArrayList<>();
		for (ArtifactFile file : found) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("path", prefix + file.path());
			entry.put("is_dir", file.isDir());
			if (file.fileSize() != null) {
				entry.put("file_size", file.fileSize());
			}
			files.add(entry);
		}
		return Map.of("files", files);
	}

	private static String strip(String path) {
		return path.startsWith("/") ? path.substring(1) : path;
	}

}
