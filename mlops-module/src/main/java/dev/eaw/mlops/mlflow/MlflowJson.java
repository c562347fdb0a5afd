package dev.eaw.mlops.mlflow;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Experiment;
import dev.eaw.mlops.Metric;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.Tag;

/**
 * Tracking objects and answers as MLflow's server writes them (protobuf JSON with snake_case names): string ids,
 * int64 fields as JSON numbers, non-finite doubles as {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"}, and empty
 * lists and unset fields left out.
 */
final class MlflowJson {

	private MlflowJson() {
	}

	/** An answer without fields, {@code {}}. */
	@MlflowWire
	record Empty() {

		static final Empty INSTANCE = new Empty();

	}

	@MlflowWire
	record ExperimentJson(String experimentId, String name, String artifactLocation, String lifecycleStage,
			long lastUpdateTime, long creationTime, @JsonInclude(Include.NON_EMPTY) List<Tag> tags) {

		static ExperimentJson of(Experiment experiment) {
			return new ExperimentJson(experiment.experimentId(), experiment.name(), experiment.artifactLocation(),
					experiment.lifecycleStage(), experiment.lastUpdateTime(), experiment.creationTime(),
					experiment.tags());
		}

	}

	@MlflowWire
	record RunJson(RunInfoJson info, RunDataJson data, RunInputsJson inputs, RunOutputsJson outputs) {

		static RunJson of(Run run) {
			return new RunJson(RunInfoJson.of(run.info()),
					new RunDataJson(run.data().metrics().stream().map(MetricJson::of).toList(), run.data().params(),
							run.data().tags()),
					new RunInputsJson(run.inputs().stream().map(DatasetInputJson::of).toList(),
							run.modelInputs().stream().map(ModelInputJson::new).toList()),
					new RunOutputsJson(run.modelOutputs().stream().map(o -> new ModelOutputJson(o.modelId(), o.step()))
						.toList()));
		}

	}

	@MlflowWire
	record RunInfoJson(String runId, String runUuid, String runName, String experimentId, String userId, String status,
			@Nullable Long startTime, @Nullable Long endTime, String artifactUri, String lifecycleStage) {

		static RunInfoJson of(RunInfo info) {
			return new RunInfoJson(info.runId(), info.runId(), info.runName(), info.experimentId(), info.userId(),
					info.status().name(), info.startTime(), info.endTime(), info.artifactUri(), info.lifecycleStage());
		}

	}

	@MlflowWire
	record RunDataJson(@JsonInclude(Include.NON_EMPTY) List<MetricJson> metrics,
			@JsonInclude(Include.NON_EMPTY) List<Param> params, @JsonInclude(Include.NON_EMPTY) List<Tag> tags) {
	}

	@MlflowWire
	record RunInputsJson(@JsonInclude(Include.NON_EMPTY) List<DatasetInputJson> datasetInputs,
			@JsonInclude(Include.NON_EMPTY) List<ModelInputJson> modelInputs) {
	}

	/** MLflow 3's {@code ModelInput}: a logged model a run used. */
	@MlflowWire
	record ModelInputJson(String modelId) {
	}

	/** MLflow 3's {@code RunOutputs}: the logged models a run produced ({@code model_id}, {@code step}). */
	@MlflowWire
	record RunOutputsJson(@JsonInclude(Include.NON_EMPTY) List<ModelOutputJson> modelOutputs) {
	}

	@MlflowWire
	record ModelOutputJson(String modelId, long step) {
	}

	/** MLflow's {@code DatasetInput}: the input's tags and the dataset. */
	@MlflowWire
	record DatasetInputJson(@JsonInclude(Include.NON_EMPTY) List<Tag> tags, DatasetJson dataset) {

		static DatasetInputJson of(DatasetInput input) {
			return new DatasetInputJson(input.tags(), new DatasetJson(input.name(), input.digest(), input.sourceType(),
					input.source(), input.schema(), input.profile()));
		}

	}

	@MlflowWire
	record DatasetJson(String name, String digest, String sourceType, String source, @Nullable String schema,
			@Nullable String profile) {
	}

	/** A metric; {@code value} is a number or one of {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
	@MlflowWire
	record MetricJson(String key, Object value, long timestamp, long step) {

		static MetricJson of(Metric metric) {
			return new MetricJson(metric.key(), number(metric.value()), metric.timestamp(), metric.step());
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

	}

	@MlflowWire
	record ExperimentCreated(String experimentId) {
	}

	@MlflowWire
	record OneExperiment(ExperimentJson experiment) {
	}

	@MlflowWire
	record Experiments(@JsonInclude(Include.NON_EMPTY) List<ExperimentJson> experiments,
			@Nullable String nextPageToken) {

		static Experiments of(Page<Experiment> page) {
			return new Experiments(page.items().stream().map(ExperimentJson::of).toList(), page.nextPageToken());
		}

	}

	@MlflowWire
	record OneRun(RunJson run) {
	}

	@MlflowWire
	record RunUpdated(RunInfoJson runInfo) {
	}

	@MlflowWire
	record Runs(@JsonInclude(Include.NON_EMPTY) List<RunJson> runs, @Nullable String nextPageToken) {

		static Runs of(Page<Run> page) {
			return new Runs(page.items().stream().map(RunJson::of).toList(), page.nextPageToken());
		}

	}

	@MlflowWire
	record Metrics(@JsonInclude(Include.NON_EMPTY) List<MetricJson> metrics, @Nullable String nextPageToken) {

		static Metrics of(Page<Metric> page) {
			return new Metrics(page.items().stream().map(MetricJson::of).toList(), page.nextPageToken());
		}

	}

}
