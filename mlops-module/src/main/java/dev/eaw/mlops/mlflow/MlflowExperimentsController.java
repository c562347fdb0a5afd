package dev.eaw.mlops.mlflow;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.mlops.Experiment;
import dev.eaw.mlops.ExperimentSearch;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.ViewType;
import dev.eaw.mlops.mlflow.MlflowJson.Empty;
import dev.eaw.mlops.mlflow.MlflowJson.ExperimentCreated;
import dev.eaw.mlops.mlflow.MlflowJson.ExperimentJson;
import dev.eaw.mlops.mlflow.MlflowJson.Experiments;
import dev.eaw.mlops.mlflow.MlflowJson.OneExperiment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** MLflow's experiment endpoints ({@code experiments/*}), on both the REST and the UI ("ajax") prefix. */
@RestController
@RequestMapping({ "/api/2.0/mlflow/experiments", "/ajax-api/2.0/mlflow/experiments" })
@Tag(name = "MLflow tracking", description = "MLflow REST API (2.x and 3.x clients): experiments, runs, metrics, params, tags, logged models")
class MlflowExperimentsController {

	private final ExperimentTracking experiments;

	MlflowExperimentsController(ExperimentTracking experiments) {
		this.experiments = experiments;
	}

	@PostMapping("/create")
	@Operation(summary = "Create an experiment: name, artifact_location, tags → experiment_id")
	ExperimentCreated create(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		return new ExperimentCreated(
				experiments.create(request.required("name"), request.string("artifact_location"), request.tags("tags")));
	}

	@GetMapping("/get")
	OneExperiment get(@RequestParam MultiValueMap<String, String> query) {
		return new OneExperiment(
				ExperimentJson.of(experiments.get(MlflowRequest.of(query).required("experiment_id"))));
	}

	@GetMapping("/get-by-name")
	OneExperiment getByName(@RequestParam MultiValueMap<String, String> query) {
		return new OneExperiment(
				ExperimentJson.of(experiments.getByName(MlflowRequest.of(query).required("experiment_name"))));
	}

	@PostMapping("/search")
	@Operation(summary = "Search experiments: filter, order_by, max_results, page_token, view_type")
	Experiments search(@RequestBody(required = false) @Nullable JsonNode body) {
		return search(MlflowRequest.of(body));
	}

	@GetMapping("/search")
	Experiments searchByQuery(@RequestParam MultiValueMap<String, String> query) {
		return search(MlflowRequest.of(query));
	}

	@PostMapping("/update")
	Empty update(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		String id = request.required("experiment_id");
		String newName = request.string("new_name");
		if (newName != null) {
			experiments.rename(id, newName);
		}
		return Empty.INSTANCE;
	}

	@PostMapping("/delete")
	Empty delete(@RequestBody(required = false) @Nullable JsonNode body) {
		experiments.delete(MlflowRequest.of(body).required("experiment_id"));
		return Empty.INSTANCE;
	}

	@PostMapping("/restore")
	Empty restore(@RequestBody(required = false) @Nullable JsonNode body) {
		experiments.restore(MlflowRequest.of(body).required("experiment_id"));
		return Empty.INSTANCE;
	}

	@PostMapping("/set-experiment-tag")
	Empty setTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		experiments.setTag(request.required("experiment_id"), request.required("key"), request.required("value"));
		return Empty.INSTANCE;
	}

	private Experiments search(MlflowRequest request) {
		ViewType view = request.enumValue("view_type", ViewType.class);
		Long maxResults = request.int64("max_results");
		Page<Experiment> page = experiments.search(new ExperimentSearch(request.string("filter"),
				view == null ? ViewType.ACTIVE_ONLY : view,
				maxResults == null ? 1000 : maxResults,
				request.strings("order_by"), request.string("page_token")));
		return Experiments.of(page);
	}

}
