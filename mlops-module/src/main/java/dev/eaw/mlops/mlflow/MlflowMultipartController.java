package dev.eaw.mlops.mlflow;

import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.mlflow.MlflowJson.Empty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * MLflow's multipart artifact upload through the proxy ({@code mlflow-artifacts/mpu/create|complete|abort/<dir>},
 * MLflow 3's {@code HttpArtifactRepository}): the path in the URL is the artifact directory, the body's {@code path}
 * the client's local file, whose name is the artifact's. Create hands out one URL per part; the parts are PUT there
 * (this server keeps them in the artifact store; a part URL carries the upload's 128 random bits and takes a PUT
 * without sign-in, as a presigned S3 URL does, because MLflow's client sends none there) and answer their ETag;
 * complete joins them in order into the artifact, abort drops them.
 */
@RestController
@RequestMapping({ "/api/2.0/mlflow-artifacts/mpu", "/ajax-api/2.0/mlflow-artifacts/mpu" })
@Tag(name = "MLflow artifacts", description = "MLflow artifact proxy: files of runs and models")
class MlflowMultipartController {

	static final String PARTS = "/api/2.0/mlflow-artifacts/mpu/parts/";

	private final ArtifactStore store;

	MlflowMultipartController(ArtifactStore store) {
		this.store = store;
	}

	/** Where part {@code partNumber} goes: a URL of this server. */
	@MlflowWire
	record Credential(String url, long partNumber) {
	}

	@MlflowWire
	record Created(String uploadId, List<Credential> credentials) {
	}

	@PostMapping("/create/{*dir}")
	@Operation(summary = "Start a multipart upload of <dir>/<name of path>: path, num_parts → upload_id, credentials")
	Created create(@PathVariable String dir, @RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		int parts = request.int32("num_parts", 1);
		if (parts < 1 || parts > ArtifactStore.MAX_PARTS) {
			throw TrackingError.invalid("num_parts must be from 1 to " + ArtifactStore.MAX_PARTS + ", not " + parts
					+ ".");
		}
		String uploadId = store.startMultipart(target(dir, request));
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path(PARTS + uploadId + "/").toUriString();
		return new Created(uploadId,
				IntStream.rangeClosed(1, parts).mapToObj(n -> new Credential(base + n, n)).toList());
	}

	@PutMapping("/parts/{uploadId}/{partNumber}")
	@Operation(summary = "Upload one part of a multipart upload (the URL create handed out); answers its ETag")
	ResponseEntity<Empty> part(@PathVariable String uploadId, @PathVariable String partNumber, InputStream body) {
		int number;
		try {
			number = Integer.parseInt(partNumber);
		}
		catch (NumberFormatException ex) {
			throw TrackingError.invalid("Invalid part number '" + partNumber + "'.");
		}
		String etag = store.uploadPart(uploadId, number, body);
		return ResponseEntity.ok().header(HttpHeaders.ETAG, etag).body(Empty.INSTANCE);
	}

	@PostMapping("/complete/{*dir}")
	@Operation(summary = "Join the parts into the artifact: path, upload_id, parts [{part_number, etag}]")
	Empty complete(@PathVariable String dir, @RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		List<ArtifactStore.Part> parts = request.items("parts").stream().map(MlflowMultipartController::part).toList();
		store.completeMultipart(request.required("upload_id"), target(dir, request), parts);
		return Empty.INSTANCE;
	}

	@PostMapping("/abort/{*dir}")
	@Operation(summary = "Drop a multipart upload and its parts: path, upload_id")
	Empty abort(@PathVariable String dir, @RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		store.abortMultipart(request.required("upload_id"), target(dir, request));
		return Empty.INSTANCE;
	}

	/** The artifact's store path: the URL's directory and the file name of the body's (client-side) path. */
	private static String target(String dir, MlflowRequest request) {
		String local = request.required("path");
		String name = local.substring(Math.max(local.lastIndexOf('/'), local.lastIndexOf('\\')) + 1);
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw TrackingError.invalid("Invalid path: '" + local + "' names no file.");
		}
		String directory = dir.replaceAll("^/+|/+$", "");
		return directory.isEmpty() ? name : directory + "/" + name;
	}

	private static ArtifactStore.Part part(MlflowRequest part) {
		Long number = part.int64("part_number");
		if (number == null || number < 1 || number > ArtifactStore.MAX_PARTS) {
			throw TrackingError.invalid("Invalid value " + number + " for parameter 'part_number' supplied.");
		}
		String etag = part.string("etag");
		return new ArtifactStore.Part(number.intValue(), etag == null ? "" : etag);
	}

}
