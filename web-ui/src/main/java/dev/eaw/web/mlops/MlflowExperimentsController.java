package dev.eaw.web.mlops;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.mlops.ExperimentSearch;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.ViewType;
import dev.eaw.mlops.Experiment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** MLflow's experiment endpoints ({@code experiments/*}), on both the REST and the UI ("ajax") prefix. */
@RestController
@RequestMapping({ "/api/2.0/mlflow/experiments", "/ajax-api/2.0/mlflow/experiments" })
@Tag(name = "MLflow tracking", description = "MLflow 2.x REST API: experiments, runs, metrics, params, tags")
class MlflowExperimentsController {

	private final ExperimentTracking experiments;

	MlflowExperimentsController(ExperimentTracking experiments) {
		this.experiments = experiments;
	}

	@PostMapping("/create")
	@Operation(summary = "Create an experiment: name, artifact_location, tags → experiment_id")
	Map<String, Object> create(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		return Map.of("experiment_id",
				experiments.create(request.required("name"), request.string("artifact_location"), request.tags("tags")));
	}

	@GetMapping("/get")
	Map<String, Object> get(@RequestParam MultiValueMap<String, String> query) {
		return Map.of("experiment", MlflowJson.experiment(experiments.get(MlflowRequest.of(query).required("experiment_id"))));
	}

	@GetMapping("/get-by-name")
	Map<String, Object> getByName(@RequestParam MultiValueMap<String, String> query) {
		return Map.of("experiment",
				MlflowJson.experiment(experiments.getByName(MlflowRequest.of(query).required("experiment_name"))));
	}

	@PostMapping("/search")
	@Operation(summary = "Search experiments: filter, order_by, max_results, page_token, view_type")
	Map<String, Object> search(@RequestBody(required = false) @Nullable JsonNode body) {
		return search(MlflowRequest.of(body));
	}

	@GetMapping("/search")
	Map<String, Object> searchByQuery(@RequestParam MultiValueMap<String, String> query) {
		return search(MlflowRequest.of(query));
	}

	@PostMapping("/update")
	Map<String, Object> update(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		String id = request.required("experiment_id");
		String newName = request.string("new_name");
		if (newName != null) {
			experiments.rename(id, newName);
		}
		return Map.of();
	}

	@PostMapping("/delete")
	Map<String, Object> delete(@RequestBody(required = false) @Nullable JsonNode body) {
		experiments.delete(MlflowRequest.of(body).required("experiment_id"));
		return Map.of();
	}

	@PostMapping("/restore")
	Map<String, Object> restore(@RequestBody(required = false) @Nullable JsonNode body) {
		experiments.restore(MlflowRequest.of(body).required("experiment_id"));
		return Map.of();
	}

	@PostMapping("/set-experiment-tag")
	Map<String, Object> setTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		experiments.setTag(request.required("experiment_id"), request.required("key"), request.required("value"));
		return Map.of();
	}

	private Map<String, Object> search(MlflowRequest request) {
		ViewType view = request.enumValue("view_type", ViewType.class);
		Long maxResults = request.int64("max_results");
		Page<Experiment> page = experiments.search(new ExperimentSearch(request.string("filter"),
				view == null ? ViewType.ACTIVE_ONLY : view,
				maxResults == null ? 1000 : maxResults,
				request.strings("order_by"), request.string("page_token")));
		return MlflowJson.page("experiments", page.items(), page.nextPageToken(), MlflowJson::experiment);
	}

}
