package dev.eaw.web.mlops;

import java.security.Principal;
import java.util.Map;

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
@Tag(name = "MLflow model registry", description = "MLflow 2.x REST API: registered models, versions, stages, aliases")
class MlflowModelVersionsController {

	private final ModelRegistry registry;

	MlflowModelVersionsController(ModelRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/create")
	@Operation(summary = "Add a version: name, source, run_id, tags, run_link, description → model_version")
	Map<String, Object> create(@RequestBody(required = false) @Nullable JsonNode body, @Nullable Principal user) {
		MlflowRequest request = MlflowRequest.of(body);
		return version(registry.createVersion(new NewModelVersion(request.required("name"), request.required("source"),
				request.string("run_id"), request.tags("tags"), request.string("run_link"),
				request.string("description"), user == null ? null : user.getName(), request.string("model_id"))));
	}

	@GetMapping("/get")
	Map<String, Object> get(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		return version(registry.getVersion(request.required("name"), request.required("version")));
	}

	@PatchMapping("/update")
	Map<String, Object> update(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		return version(registry.updateVersion(request.required("name"), request.required("version"),
				request.string("description")));
	}

	@DeleteMapping("/delete")
	Map<String, Object> delete(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteVersion(request.required("name"), request.required("version"));
		return Map.of();
	}

	@GetMapping("/search")
	@Operation(summary = "Search versions: filter (name = …, run_id = …), max_results, order_by, page_token")
	Map<String, Object> search(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		Long maxResults = request.int64("max_results");
		Page<ModelVersion> page = registry.searchVersions(new RegistrySearch(request.string("filter"),
				maxResults == null ? 200_000 : maxResults, request.strings("order_by"), request.string("page_token")));
		return MlflowJson.page("model_versions", page.items(), page.nextPageToken(), MlflowRegistryJson::version);
	}

	@PostMapping("/transition-stage")
	@Operation(summary = "Move a version to None, Staging, Production or Archived; archive_existing_versions")
	Map<String, Object> transitionStage(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		return version(registry.transitionStage(request.required("name"), request.required("version"),
				request.required("stage"), request.requiredBool("archive_existing_versions")));
	}

	@GetMapping("/get-download-uri")
	Map<String, Object> downloadUri(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		return Map.of("artifact_uri", registry.downloadUri(request.required("name"), request.required("version")));
	}

	@PostMapping("/set-tag")
	Map<String, Object> setTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		registry.setVersionTag(request.required("name"), request.required("version"),
				new dev.eaw.mlops.Tag(request.required("key"), request.required("value")));
		return Map.of();
	}

	@DeleteMapping("/delete-tag")
	Map<String, Object> deleteTag(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteVersionTag(request.required("name"), request.required("version"), request.required("key"));
		return Map.of();
	}

	private static Map<String, Object> version(ModelVersion version) {
		return Map.of("model_version", MlflowRegistryJson.version(version));
	}

}
