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
import dev.eaw.mlops.Page;
import dev.eaw.mlops.RegisteredModel;
import dev.eaw.mlops.RegistrySearch;
import dev.eaw.mlops.mlflow.MlflowJson.Empty;
import dev.eaw.mlops.mlflow.MlflowRegistryJson.ModelVersions;
import dev.eaw.mlops.mlflow.MlflowRegistryJson.OneModel;
import dev.eaw.mlops.mlflow.MlflowRegistryJson.OneVersion;
import dev.eaw.mlops.mlflow.MlflowRegistryJson.RegisteredModels;
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
@Tag(name = "MLflow model registry", description = "MLflow REST API (2.x and 3.x clients): registered models, versions, stages, aliases")
class MlflowRegisteredModelsController {

	private final ModelRegistry registry;

	MlflowRegisteredModelsController(ModelRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/create")
	@Operation(summary = "Register a model: name, tags, description → registered_model")
	OneModel create(@RequestBody(required = false) @Nullable JsonNode body, @Nullable Principal user) {
		MlflowRequest request = MlflowRequest.of(body);
		return OneModel.of(registry.createModel(request.required("name"), request.tags("tags"), request.string("description"),
				user == null ? null : user.getName()));
	}

	@GetMapping("/get")
	OneModel get(@RequestParam MultiValueMap<String, String> query) {
		return OneModel.of(registry.getModel(MlflowRequest.of(query).required("name")));
	}

	@PostMapping("/rename")
	OneModel rename(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		String newName = request.string("new_name");
		return OneModel.of(registry.renameModel(request.required("name"), newName == null ? "" : newName));
	}

	@PatchMapping("/update")
	OneModel update(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		return OneModel.of(registry.updateModel(request.required("name"), request.string("description")));
	}

	@DeleteMapping("/delete")
	Empty delete(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		registry.deleteModel(MlflowRequest.of(body, query).required("name"));
		return Empty.INSTANCE;
	}

	@GetMapping("/search")
	@Operation(summary = "Search registered models: filter (name = / LIKE / ILIKE), max_results ≤ 1000, order_by, page_token")
	RegisteredModels search(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		Long maxResults = request.int64("max_results");
		Page<RegisteredModel> page = registry.searchModels(new RegistrySearch(request.string("filter"),
				maxResults == null ? 100 : maxResults, request.strings("order_by"), request.string("page_token")));
		return RegisteredModels.of(page);
	}

	@GetMapping("/get-latest-versions")
	ModelVersions latestVersions(@RequestParam MultiValueMap<String, String> query) {
		return latestVersions(MlflowRequest.of(query));
	}

	@PostMapping("/get-latest-versions")
	@Operation(summary = "The latest version per stage: name, stages → model_versions")
	ModelVersions latestVersionsByPost(@RequestBody(required = false) @Nullable JsonNode body) {
		return latestVersions(MlflowRequest.of(body));
	}

	@PostMapping("/set-tag")
	Empty setTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		registry.setModelTag(request.required("name"),
				new dev.eaw.mlops.Tag(request.required("key"), request.required("value")));
		return Empty.INSTANCE;
	}

	@DeleteMapping("/delete-tag")
	Empty deleteTag(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteModelTag(request.required("name"), request.required("key"));
		return Empty.INSTANCE;
	}

	@PostMapping("/alias")
	@Operation(summary = "Point an alias at a version: name, alias, version")
	Empty setAlias(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		registry.setAlias(request.required("name"), request.required("alias"), request.required("version"));
		return Empty.INSTANCE;
	}

	@DeleteMapping("/alias")
	Empty deleteAlias(@RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(body, query);
		registry.deleteAlias(request.required("name"), request.required("alias"));
		return Empty.INSTANCE;
	}

	@GetMapping("/alias")
	@Operation(summary = "The version an alias names: name, alias → model_version")
	OneVersion getByAlias(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		return OneVersion.of(registry.getByAlias(request.required("name"), request.required("alias")));
	}

	private ModelVersions latestVersions(MlflowRequest request) {
		return ModelVersions.of(
				new Page<>(registry.latestVersions(request.required("name"), request.strings("stages")), null));
	}

}
