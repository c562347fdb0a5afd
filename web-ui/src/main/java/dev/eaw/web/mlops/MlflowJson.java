package dev.eaw.web.mlops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Experiment;
import dev.eaw.mlops.Metric;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.Tag;

/**
 * Writes tracking objects as MLflow's server does (protobuf JSON with snake_case names): string ids, int64 fields
 * as JSON numbers, non-finite doubles as {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"}, and empty lists and
 * unset fields left out.
 */
final class MlflowJson {

	private MlflowJson() {
	}

	static Map<String, Object> experiment(Experiment experiment) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("experiment_id", experiment.experimentId());
		json.put("name", experiment.name());
		json.put("artifact_location", experiment.artifactLocation());
		json.put("lifecycle_stage", experiment.lifecycleStage());
		json.put("last_update_time", experiment.lastUpdateTime());
		json.put("creation_time", experiment.creationTime());
		list(json, "tags", experiment.tags(), MlflowJson::tag);
		return json;
	}

	static Map<String, Object> run(Run run) {
		Map<String, Object> data = new LinkedHashMap<>();
		list(data, "metrics", run.data().metrics(), MlflowJson::metric);
		list(data, "params", run.data().params(), MlflowJson::param);
		list(data, "tags", run.data().tags(), MlflowJson::tag);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("info", info(run.info()));
		json.put("data", data);
		Map<String, Object> inputs = new LinkedHashMap<>();
		list(inputs, "dataset_inputs", run.inputs(), MlflowJson::datasetInput);
		list(inputs, "model_inputs", run.modelInputs(), id -> Map.of("model_id", id));
		json.put("inputs", inputs);
		Map<String, Object> outputs = new LinkedHashMap<>();
		list(outputs, "model_outputs", run.modelOutputs(),
				output -> Map.of("model_id", output.modelId(), "step", output.step()));
		json.put("outputs", outputs);
		return json;
	}

	static Map<String, Object> datasetInput(DatasetInput input) {
		Map<String, Object> dataset = new LinkedHashMap<>();
		dataset.put("name", input.name());
		dataset.put("digest", input.digest());
		dataset.put("source_type", input.sourceType());
		dataset.put("source", input.source());
		if (input.schema() != null) {
			dataset.put("schema", input.schema());
		}
		if (input.profile() != null) {
			dataset.put("profile", input.profile());
		}
		Map<String, Object> json = new LinkedHashMap<>();
		list(json, "tags", input.tags(), MlflowJson::tag);
		json.put("dataset", dataset);
		return json;
	}

	static Map<String, Object> info(RunInfo info) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("run_id", info.runId());
		json.put("run_uuid", info.runId());
		json.put("run_name", info.runName());
		json.put("experiment_id", info.experimentId());
		json.put("user_id", info.userId());
		json.put("status", info.status().name());
		put(json, "start_time", info.startTime());
		put(json, "end_time", info.endTime());
		json.put("artifact_uri", info.artifactUri());
		json.put("lifecycle_stage", info.lifecycleStage());
		return json;
	}

	static Map<String, Object> metric(Metric metric) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", metric.key());
		json.put("value", number(metric.value()));
		json.put("timestamp", metric.timestamp());
		json.put("step", metric.step());
		return json;
	}

	static Object number(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return value > 0 ? "Infinity" : "-Infinity";
		}
		return value;
	}

	static <T> Map<String, Object> page(String field, List<T> items, @Nullable String nextPageToken,
			Function<T, Map<String, Object>> writer) {
		Map<String, Object> json = new LinkedHashMap<>();
		list(json, field, items, writer);
		put(json, "next_page_token", nextPageToken);
		return json;
	}

	static <T> void list(Map<String, Object> json, String field, List<T> items,
			Function<T, Map<String, Object>> writer) {
		if (!items.isEmpty()) {
			json.put(field, items.stream().map(writer).toList());
		}
	}

	private static void put(Map<String, Object> json, String field, @Nullable Object value) {
		if (value != null) {
			json.put(field, value);
		}
	}

	private static Map<String, Object> tag(Tag tag) {
		return Map.of("key", tag.key(), "value", tag.value());
	}

	private static Map<String, Object> param(Param param) {
		return Map.of("key", param.key(), "value", param.value());
	}

}
