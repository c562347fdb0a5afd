package dev.eaw.mlops.mlflow;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.NewModelVersion;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.RegistrySearch;
import dev.eaw.mlops.mlflow.MlflowJson.Empty;
import dev.eaw.mlops.mlflow.MlflowRegistryJson.DownloadUri;
import dev.eaw.mlops.mlflow.MlflowRegistryJson.ModelVersions;
import dev.eaw.mlops.mlflow.MlflowRegistryJson.OneVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * MLflow's model-version endpoints ({@code model-versions/*}: create, get, update, delete, search, stage
 * transitions, download URI and tags), on both the REST and the UI prefix; DELETE and PATCH read a JSON body or
 * query parameters.
 */
@RestController
@RequestMapping({ "/api/2.0/mlflow/model-versions", "/ajax-api/2.0/mlflow/model-versions" })
@Tag(name = "MLflow model registry", description = "MLflow REST API (2.x and 3.x clients): registered models, versions, stages, aliases")
class MlflowModelVersionsController {

	private final ModelRegistry registry;

	MlflowModelVersionsController(ModelRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/create")
	@Operation(summary = "Add a version: name, source, run_id, tags, run_link, description → model_version")
	OneVersion create(@RequestBody(required = false) @Nullable JsonNode body, @Nullable Principal user) {
		MlflowRequest request = MlflowRequest.of(body);
		return OneVersion.of(registry.createVersion(new NewModelVersion(request.required("name"), request.required("source"),
				request.string("run_id"), request.tags("tags"), request.string("run_link"),
				request.string("description"), user == null ? null : user.getName(), request.string("model_id"))));
	}

	@GetMapping("/get")
	OneVersion get(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		return OneVersion.of(registry.getVersion(request.required("name"), request.required("version")));
	}

	@PatchMapping("/update")
	OneVersion update(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		return OneVersion.of(registry.updateVersion(request.required("name"), request.required("version"),
				request.string("description")));
	}

	@DeleteMapping("/delete")
	Empty delete(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteVersion(request.required("name"), request.required("version"));
		return Empty.INSTANCE;
	}

	@GetMapping("/search")
	@Operation(summary = "Search versions: filter (name = …, run_id = …), max_results, order_by, page_token")
	ModelVersions search(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		Long maxResults = request.int64("max_results");
		Page<ModelVersion> page = registry.searchVersions(new RegistrySearch(request.string("filter"),
				maxResults == null ? 200_000 : maxResults, request.strings("order_by"), request.string("page_token")));
		return ModelVersions.of(page);
	}

	@PostMapping("/transition-stage")
	@Operation(summary = "Move a version to None, Staging, Production or Archived; archive_existing_versions")
	OneVersion transitionStage(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		return OneVersion.of(registry.transitionStage(request.required("name"), request.required("version"),
				request.required("stage"), request.requiredBool("archive_existing_versions")));
	}

	@GetMapping("/get-download-uri")
	DownloadUri downloadUri(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		return new DownloadUri(registry.downloadUri(request.required("name"), request.required("version")));
	}

	@PostMapping("/set-tag")
	Empty setTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		registry.setVersionTag(request.required("name"), request.required("version"),
				new dev.eaw.mlops.Tag(request.required("key"), request.required("value")));
		return Empty.INSTANCE;
	}

	@DeleteMapping("/delete-tag")
	Empty deleteTag(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteVersionTag(request.required("name"), request.required("version"), request.required("key"));
		return Empty.INSTANCE;
	}

}
