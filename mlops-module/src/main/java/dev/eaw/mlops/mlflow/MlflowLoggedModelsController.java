package dev.eaw.mlops.mlflow;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.mlops.ArtifactFile;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.LoggedModelSearch;
import dev.eaw.mlops.LoggedModelStatus;
import dev.eaw.mlops.LoggedModels;
import dev.eaw.mlops.NewLoggedModel;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.mlflow.LoggedModelWire.Create;
import dev.eaw.mlops.mlflow.LoggedModelWire.FileJson;
import dev.eaw.mlops.mlflow.LoggedModelWire.Files;
import dev.eaw.mlops.mlflow.LoggedModelWire.Finalize;
import dev.eaw.mlops.mlflow.LoggedModelWire.KeyValue;
import dev.eaw.mlops.mlflow.LoggedModelWire.KeyValues;
import dev.eaw.mlops.mlflow.LoggedModelWire.Model;
import dev.eaw.mlops.mlflow.LoggedModelWire.ModelResponse;
import dev.eaw.mlops.mlflow.LoggedModelWire.Search;
import dev.eaw.mlops.mlflow.LoggedModelWire.SearchResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * MLflow 3's logged-model endpoints, as mlflow/protos/service.proto routes them ({@code createLoggedModel} …
 * {@code listLoggedModelArtifacts}), on both the REST and the UI prefix. Python's {@code mlflow} 3.x calls them from
 * every {@code log_model}.
 */
@RestController
@RequestMapping({ "/api/2.0/mlflow/logged-models", "/ajax-api/2.0/mlflow/logged-models" })
@Tag(name = "MLflow logged models", description = "MLflow 3 REST API: logged models, their params, tags and files")
class MlflowLoggedModelsController {

	private final LoggedModels models;

	private final ArtifactStore store;

	MlflowLoggedModelsController(LoggedModels models, ArtifactStore store) {
		this.models = models;
		this.store = store;
	}

	@PostMapping
	@Operation(summary = "Create a logged model (PENDING): experiment_id, name, model_type, source_run_id, params, tags")
	ModelResponse create(@RequestBody(required = false) @Nullable Create body) {
		Create request = body != null ? body : new Create(null, null, null, null, null, null);
		if (request.experimentId() == null || request.experimentId().isEmpty()) {
			throw MlflowValues.missing("experiment_id");
		}
		return respond(models.create(new NewLoggedModel(request.experimentId(), request.name(), request.modelType(),
				request.sourceRunId(), KeyValue.params(request.params()), KeyValue.tags(request.tags()))));
	}

	@GetMapping("/{modelId}")
	ModelResponse get(@PathVariable String modelId) {
		return respond(models.get(modelId));
	}

	@PatchMapping("/{modelId}")
	@Operation(summary = "Finalize a logged model: status LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED")
	ModelResponse finish(@PathVariable String modelId, @RequestBody(required = false) @Nullable Finalize body) {
		if (body == null || body.status() == null || body.status().isEmpty()) {
			throw MlflowValues.missing("status");
		}
		return respond(models.finish(modelId, LoggedModelStatus.of(body.status())));
	}

	@DeleteMapping("/{modelId}")
	MlflowJson.Empty delete(@PathVariable String modelId) {
		models.delete(modelId);
		return MlflowJson.Empty.INSTANCE;
	}

	@PostMapping("/search")
	@Operation(summary = "Search logged models: experiment_ids, filter, datasets, order_by, max_results, page_token")
	SearchResponse search(@RequestBody(required = false) @Nullable Search body) {
		Search request = body != null ? body : new Search(null, null, null, null, null, null);
		List<LoggedModelSearch.Dataset> datasets = request.datasets() == null ? List.of()
				: request.datasets().stream().map(d -> {
					if (d.datasetName() == null || d.datasetName().isEmpty()) {
						throw MlflowValues.missing("datasets.dataset_name");
					}
					return new LoggedModelSearch.Dataset(d.datasetName(), d.datasetDigest());
				}).toList();
		List<LoggedModelSearch.OrderBy> orderBy = request.orderBy() == null ? List.of()
				: request.orderBy().stream().map(o -> {
					if (o.fieldName() == null || o.fieldName().isEmpty()) {
						throw MlflowValues.missing("order_by.field_name");
					}
					return new LoggedModelSearch.OrderBy(o.fieldName(), o.ascending() == null || o.ascending(),
							o.datasetName(), o.datasetDigest());
				}).toList();
		Page<dev.eaw.mlops.LoggedModel> page = models.search(new LoggedModelSearch(
				request.experimentIds() == null ? List.of() : request.experimentIds(), request.filter(), datasets,
				request.maxResults() == null ? 50 : request.maxResults(), orderBy, request.pageToken()));
		return new SearchResponse(page.items().stream().map(Model::of).toList(), page.nextPageToken());
	}

	@PatchMapping("/{modelId}/tags")
	ModelResponse setTags(@PathVariable String modelId, @RequestBody(required = false) @Nullable KeyValues body) {
		return respond(models.setTags(modelId, KeyValue.tags(body == null ? null : body.tags())));
	}

	@DeleteMapping("/{modelId}/tags/{tagKey}")
	MlflowJson.Empty deleteTag(@PathVariable String modelId, @PathVariable String tagKey) {
		models.deleteTag(modelId, tagKey);
		return MlflowJson.Empty.INSTANCE;
	}

	@PostMapping("/{modelId}/params")
	MlflowJson.Empty logParams(@PathVariable String modelId,
			@RequestBody(required = false) @Nullable KeyValues body) {
		models.logParams(modelId, KeyValue.params(body == null ? null : body.params()));
		return MlflowJson.Empty.INSTANCE;
	}

	/** The files of one directory of the model's artifacts, paths relative to its {@code root_uri}. */
	@GetMapping("/{modelId}/artifacts/directories")
	Files artifacts(@PathVariable String modelId,
			@RequestParam(name = "artifact_directory_path", required = false) @Nullable String path) {
		String uri = models.get(modelId).artifactUri();
		String root = models.artifactRoot(modelId);
		String sub = path == null ? "" : path.replaceAll("^/+|/+$", "");
		if (root == null) {
			return new Files(uri, List.of(), null);
		}
		List<ArtifactFile> found = store.list(sub.isEmpty() ? root : root + "/" + sub);
		String prefix = sub.isEmpty() ? "" : sub + "/";
		return new Files(uri,
				found.stream().map(f -> new FileJson(prefix + f.path(), f.isDir(), f.fileSize())).toList(), null);
	}

	/** One file of the model's artifacts ({@code artifact_file_path}), as MLflow's UI downloads it. */
	@GetMapping("/{modelId}/artifacts/files")
	ResponseEntity<Resource> file(@PathVariable String modelId,
			@RequestParam(name = "artifact_file_path", required = false) @Nullable String path) {
		if (path == null || path.isEmpty()) {
			throw MlflowValues.missing("artifact_file_path");
		}
		String root = models.artifactRoot(modelId);
		if (root == null) {
			throw TrackingError.invalid("The artifacts of logged model '" + modelId + "' are not stored here.");
		}
		Path file = store.download(root + "/" + path.replaceAll("^/+", ""));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file));
	}

	private static ModelResponse respond(dev.eaw.mlops.LoggedModel model) {
		return new ModelResponse(Model.of(model));
	}

}
