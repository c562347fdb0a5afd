package dev.eaw.mlops.mlflow;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;

import dev.eaw.mlops.ArtifactStore;

/**
 * A stored artifact sent as MLflow's server sends one ({@code _send_artifact} in {@code mlflow/server/handlers.py}):
 * always as an attachment with {@code X-Content-Type-Options: nosniff}, so a browser never renders it on this origin,
 * with the content type its name suggests ({@code application/octet-stream} when none).
 */
final class ArtifactDownloads {

	private ArtifactDownloads() {
	}

	static ResponseEntity<Resource> send(ArtifactStore store, String path) {
		Path file = store.download(path);
		String name = file.getFileName().toString();
		MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file));
	}

}
