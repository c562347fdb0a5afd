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
import dev.eaw.mlops.Page;
import dev.eaw.mlops.RegisteredModel;
import dev.eaw.mlops.RegistrySearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * MLflow's registered-model endpoints ({@code registered-models/*}: create, get, rename, update, delete, search,
 * latest versions, tags and aliases), on both the REST and the UI prefix; DELETE and PATCH read a JSON body or query
 * parameters.
 */
@RestController
@RequestMapping({ "/api/2.0/mlflow/registered-models", "/ajax-api/2.0/mlflow/registered-models" })
@Tag(name = "MLflow model registry", description = "MLflow 2.x REST API: registered models, versions, stages, aliases")
class MlflowRegisteredModelsController {

	private final ModelRegistry registry;

	MlflowRegisteredModelsController(ModelRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/create")
	@Operation(summary = "Register a model: name, tags, description → registered_model")
	Map<String, Object> create(@RequestBody(required = false) @Nullable JsonNode body, @Nullable Principal user) {
		MlflowRequest request = MlflowRequest.of(body);
		return model(registry.createModel(request.required("name"), request.tags("tags"), request.string("description"),
				user == null ? null : user.getName()));
	}

	@GetMapping("/get")
	Map<String, Object> get(@RequestParam MultiValueMap<String, String> query) {
		return model(registry.getModel(MlflowRequest.of(query).required("name")));
	}

	@PostMapping("/rename")
	Map<String, Object> rename(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		String newName = request.string("new_name");
		return model(registry.renameModel(request.required("name"), newName == null ? "" : newName));
	}

	@PatchMapping("/update")
	Map<String, Object> update(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		return model(registry.updateModel(request.required("name"), request.string("description")));
	}

	@DeleteMapping("/delete")
	Map<String, Object> delete(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		registry.deleteModel(MlflowRequest.of(body, query).required("name"));
		return Map.of();
	}

	@GetMapping("/search")
	@Operation(summary = "Search registered models: filter (name = / LIKE / ILIKE), max_results ≤ 1000, order_by, page_token")
	Map<String, Object> search(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		Long maxResults = request.int64("max_results");
		Page<RegisteredModel> page = registry.searchModels(new RegistrySearch(request.string("filter"),
				maxResults == null ? 100 : maxResults, request.strings("order_by"), request.string("page_token")));
		return MlflowJson.page("registered_models", page.items(), page.nextPageToken(), MlflowRegistryJson::model);
	}

	@GetMapping("/get-latest-versions")
	Map<String, Object> latestVersions(@RequestParam MultiValueMap<String, String> query) {
		return latestVersions(MlflowRequest.of(query));
	}

	@PostMapping("/get-latest-versions")
	@Operation(summary = "The latest version per stage: name, stages → model_versions")
	Map<String, Object> latestVersionsByPost(@RequestBody(required = false) @Nullable JsonNode body) {
		return latestVersions(MlflowRequest.of(body));
	}

	@PostMapping("/set-tag")
	Map<String, Object> setTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		registry.setModelTag(request.required("name"),
				new dev.eaw.mlops.Tag(request.required("key"), request.required("value")));
		return Map.of();
	}

	@DeleteMapping("/delete-tag")
	Map<String, Object> deleteTag(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteModelTag(request.required("name"), request.required("key"));
		return Map.of();
	}

	@PostMapping("/alias")
	@Operation(summary = "Point an alias at a version: name, alias, version")
	Map<String, Object> setAlias(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		registry.setAlias(request.required("name"), request.required("alias"), request.required("version"));
		return Map.of();
	}

	@DeleteMapping("/alias")
	Map<String, Object> deleteAlias(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteAlias(request.required("name"), request.required("alias"));
		return Map.of();
	}

	@GetMapping("/alias")
	@Operation(summary = "The version an alias names: name, alias → model_version")
	Map<String, Object> getByAlias(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		return Map.of("model_version",
				MlflowRegistryJson.version(registry.getByAlias(request.required("name"), request.required("alias"))));
	}

	private Map<String, Object> latestVersions(MlflowRequest request) {
		return MlflowJson.page("model_versions",
				registry.latestVersions(request.required("name"), request.strings("stages")), null,
				MlflowRegistryJson::version);
	}

	private static Map<String, Object> model(RegisteredModel model) {
		return Map.of("registered_model", MlflowRegistryJson.model(model));
	}

}
