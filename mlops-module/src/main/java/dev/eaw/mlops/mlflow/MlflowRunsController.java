package dev.eaw.mlops.mlflow;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.mlops.LoggedModels;
import dev.eaw.mlops.Metric;
import dev.eaw.mlops.ModelMetric;
import dev.eaw.mlops.NewRun;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunSearch;
import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.ViewType;
import dev.eaw.mlops.mlflow.MlflowJson.Empty;
import dev.eaw.mlops.mlflow.MlflowJson.Metrics;
import dev.eaw.mlops.mlflow.MlflowJson.OneRun;
import dev.eaw.mlops.mlflow.MlflowJson.RunInfoJson;
import dev.eaw.mlops.mlflow.MlflowJson.RunJson;
import dev.eaw.mlops.mlflow.MlflowJson.RunUpdated;
import dev.eaw.mlops.mlflow.MlflowJson.Runs;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** MLflow's run endpoints ({@code runs/*}, {@code metrics/get-history}), on both the REST and the UI prefix. */
@RestController
@RequestMapping({ "/api/2.0/mlflow", "/ajax-api/2.0/mlflow" })
@Tag(name = "MLflow tracking", description = "MLflow REST API (2.x and 3.x clients): experiments, runs, metrics, params, tags, logged models")
class MlflowRunsController {

	private final RunTracking runs;

	private final LoggedModels models;

	MlflowRunsController(RunTracking runs, LoggedModels models) {
		this.runs = runs;
		this.models = models;
	}

	@PostMapping("/runs/create")
	@Operation(summary = "Create a run: experiment_id, run_name, start_time, tags → run")
	OneRun create(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		Run run = runs.create(new NewRun(request.string("experiment_id"), request.string("user_id"),
				request.string("run_name"), request.int64("start_time"), request.tags("tags")));
		return new OneRun(RunJson.of(run));
	}

	@GetMapping("/runs/get")
	OneRun get(@RequestParam MultiValueMap<String, String> query) {
		return new OneRun(RunJson.of(runs.get(MlflowRequest.of(query).runId())));
	}

	@PostMapping("/runs/update")
	RunUpdated update(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		return new RunUpdated(RunInfoJson.of(runs.update(request.runId(), request.enumValue("status", RunStatus.class),
				request.int64("end_time"), request.string("run_name"))));
	}

	@PostMapping("/runs/delete")
	Empty delete(@RequestBody(required = false) @Nullable JsonNode body) {
		runs.delete(MlflowRequest.of(body).required("run_id"));
		return Empty.INSTANCE;
	}

	@PostMapping("/runs/restore")
	Empty restore(@RequestBody(required = false) @Nullable JsonNode body) {
		runs.restore(MlflowRequest.of(body).required("run_id"));
		return Empty.INSTANCE;
	}

	@PostMapping("/runs/search")
	@Operation(summary = "Search runs: experiment_ids, filter, run_view_type, max_results, order_by, page_token")
	Runs search(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		ViewType view = request.enumValue("run_view_type", ViewType.class);
		Page<Run> page = runs.search(new RunSearch(request.strings("experiment_ids"), request.string("filter"),
				view == null ? ViewType.ACTIVE_ONLY : view, request.int32("max_results", 1000), request.strings("order_by"),
				request.string("page_token")));
		return Runs.of(page);
	}

	@PostMapping("/runs/log-metric")
	Empty logMetric(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		String runId = request.runId();
		ModelMetric metric = request.modelMetric();
		if (metric.modelId() == null) {
			runs.logMetric(runId, metric.metric());
		}
		else {
			models.logBatch(runId, List.of(metric), List.of(), List.of());
		}
		return Empty.INSTANCE;
	}

	@PostMapping("/runs/log-parameter")
	Empty logParam(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		String runId = request.runId();
		runs.logParam(runId, new Param(request.required("key"), request.required("value")));
		return Empty.INSTANCE;
	}

	@PostMapping("/runs/set-tag")
	Empty setTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		String runId = request.runId();
		runs.setTag(runId, new dev.eaw.mlops.Tag(request.required("key"), request.required("value")));
		return Empty.INSTANCE;
	}

	@PostMapping("/runs/delete-tag")
	Empty deleteTag(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		runs.deleteTag(request.required("run_id"), request.required("key"));
		return Empty.INSTANCE;
	}

	@PostMapping("/runs/log-batch")
	@Operation(summary = "Log up to 1000 metrics, 100 params and 100 tags at once")
	Empty logBatch(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		models.logBatch(request.required("run_id"), request.each("metrics", MlflowRequest::modelMetric),
				request.params("params"), request.tags("tags"));
		return Empty.INSTANCE;
	}

	@PostMapping("/runs/log-inputs")
	@Operation(summary = "Log the datasets a run used (name, digest, source type, source; schema and profile optional)")
	Empty logInputs(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		models.logInputs(request.required("run_id"), request.datasetInputs("datasets"),
				request.each("models", model -> model.required("model_id")));
		return Empty.INSTANCE;
	}

	/** MLflow 3's log-outputs: the logged models a run produced ({@code models: [{model_id, step}]}). */
	@PostMapping("/runs/outputs")
	@Operation(summary = "Log the logged models a run produced: run_id, models [{model_id, step}]")
	Empty logOutputs(@RequestBody(required = false) @Nullable JsonNode body) {
		MlflowRequest request = MlflowRequest.of(body);
		models.logOutputs(request.required("run_id"), request.each("models", MlflowRequest::modelOutput));
		return Empty.INSTANCE;
	}

	@GetMapping("/metrics/get-history")
	Metrics metricHistory(@RequestParam MultiValueMap<String, String> query) {
		MlflowRequest request = MlflowRequest.of(query);
		Page<Metric> page = runs.metricHistory(request.runId(), request.required("metric_key"),
				request.int32("max_results", 25_000), request.string("page_token"));
		return Metrics.of(page);
	}

	/** Any other MLflow path (artifacts, traces, datasets, a wrong method): MLflow's 404 for an unrouted call. */
	@RequestMapping("/**")
	@Hidden
	Empty notImplemented(HttpServletRequest request) {
		throw new TrackingError(TrackingError.Code.ENDPOINT_NOT_FOUND,
				"This server does not implement " + request.getMethod() + " " + request.getRequestURI() + ".");
	}

}
