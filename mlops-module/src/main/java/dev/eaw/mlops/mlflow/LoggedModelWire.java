package dev.eaw.mlops.mlflow;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import dev.eaw.mlops.LoggedModel;
import dev.eaw.mlops.ModelMetric;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Tag;

/**
 * MLflow 3's logged-model messages as snake_case records (mlflow/protos/service.proto: {@code CreateLoggedModel},
 * {@code FinalizeLoggedModel}, {@code SearchLoggedModels}, {@code SetLoggedModelTags},
 * {@code LogLoggedModelParamsRequest}, {@code LoggedModel}/{@code LoggedModelInfo}/{@code LoggedModelData},
 * {@code ListLoggedModelArtifacts}); unset fields and empty lists are left out, as protobuf JSON does. Requests
 * ignore fields they do not know.
 */
final class LoggedModelWire {

	private LoggedModelWire() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeyValue(@Nullable String key, @Nullable String value) {

		static List<Param> params(@Nullable List<KeyValue> items) {
			return items == null ? List.of() : items.stream().map(p -> new Param(text(p.key), text(p.value))).toList();
		}

		static List<Tag> tags(@Nullable List<KeyValue> items) {
			return items == null ? List.of() : items.stream().map(t -> new Tag(text(t.key), text(t.value))).toList();
		}

		private static String text(@Nullable String value) {
			return value == null ? "" : value;
		}

	}

	@MlflowWire
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Create(@Nullable String experimentId, @Nullable String name, @Nullable String modelType,
			@Nullable String sourceRunId, @Nullable List<KeyValue> params, @Nullable List<KeyValue> tags) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Finalize(@Nullable String status) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeyValues(@Nullable List<KeyValue> params, @Nullable List<KeyValue> tags) {
	}

	@MlflowWire
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Search(@Nullable List<String> experimentIds, @Nullable String filter, @Nullable List<Dataset> datasets,
			@Nullable Integer maxResults, @Nullable List<OrderBy> orderBy, @Nullable String pageToken) {
	}

	@MlflowWire
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Dataset(@Nullable String datasetName, @Nullable String datasetDigest) {
	}

	@MlflowWire
	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderBy(@Nullable String fieldName, @Nullable Boolean ascending, @Nullable String datasetName,
			@Nullable String datasetDigest) {
	}

	@MlflowWire
	record Model(Info info, Data data) {

		static Model of(LoggedModel model) {
			return new Model(
					new Info(model.modelId(), model.experimentId(), model.name(), model.creationTimestamp(),
							model.lastUpdatedTimestamp(), model.artifactUri(), model.status().wire(), model.modelType(),
							model.sourceRunId(), model.statusMessage(), model.tags(),
							model.registrations()),
					new Data(model.params(), model.metrics().stream().map(MetricJson::of).toList()));
		}

	}

	@MlflowWire
	record Info(String modelId, String experimentId, String name, long creationTimestampMs,
			long lastUpdatedTimestampMs, String artifactUri, String status, @Nullable String modelType,
			@Nullable String sourceRunId, @Nullable String statusMessage, @JsonInclude(Include.NON_EMPTY) List<Tag> tags,
			@JsonInclude(Include.NON_EMPTY) List<LoggedModel.Registration> registrations) {
	}

	@MlflowWire
	record Data(@JsonInclude(Include.NON_EMPTY) List<Param> params,
			@JsonInclude(Include.NON_EMPTY) List<MetricJson> metrics) {
	}

	/** MLflow's {@code Metric} with its 3.x fields; a non-finite value is written as MLflow does ({@code "NaN"}). */
	@MlflowWire
	record MetricJson(String key, Object value, long timestamp, long step, @Nullable String datasetName,
			@Nullable String datasetDigest, @Nullable String modelId, @Nullable String runId) {

		static MetricJson of(ModelMetric metric) {
			return new MetricJson(metric.key(), MlflowJson.MetricJson.number(metric.value()), metric.timestamp(), metric.step(),
					metric.datasetName(), metric.datasetDigest(), metric.modelId(), metric.runId());
		}

	}

	@MlflowWire
	record ModelResponse(Model model) {
	}

	@MlflowWire
	record SearchResponse(@JsonInclude(Include.NON_EMPTY) List<Model> models, @Nullable String nextPageToken) {
	}

	@MlflowWire
	record FileJson(String path, boolean isDir, @Nullable Long fileSize) {
	}

	@MlflowWire
	record Files(String rootUri, @JsonInclude(Include.NON_EMPTY) List<FileJson> files, @Nullable String nextPageToken) {
	}

}
