package dev.eaw.web.mlops;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.LoggedModel;
import dev.eaw.mlops.ModelMetric;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Tag;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * MLflow 3's logged-model messages as snake_case records (mlflow/protos/service.proto: {@code CreateLoggedModel},
 * {@code FinalizeLoggedModel}, {@code SearchLoggedModels}, {@code SetLoggedModelTags},
 * {@code LogLoggedModelParamsRequest}, {@code LoggedModel}/{@code LoggedModelInfo}/{@code LoggedModelData},
 * {@code ListLoggedModelArtifacts}); unset fields and empty lists are left out, as protobuf JSON does.
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

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Create(@Nullable String experimentId, @Nullable String name, @Nullable String modelType,
			@Nullable String sourceRunId, @Nullable List<KeyValue> params, @Nullable List<KeyValue> tags) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Finalize(@Nullable String status) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeyValues(@Nullable List<KeyValue> params, @Nullable List<KeyValue> tags) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Search(@Nullable List<String> experimentIds, @Nullable String filter, @Nullable List<Dataset> datasets,
			@Nullable Integer maxResults, @Nullable List<OrderBy> orderBy, @Nullable String pageToken) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Dataset(@Nullable String datasetName, @Nullable String datasetDigest) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record OrderBy(@Nullable String fieldName, @Nullable Boolean ascending, @Nullable String datasetName,
			@Nullable String datasetDigest) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
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

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Info(String modelId, String experimentId, String name, long creationTimestampMs,
			long lastUpdatedTimestampMs, String artifactUri, String status, @Nullable String modelType,
			@Nullable String sourceRunId, @Nullable String statusMessage, List<Tag> tags,
			List<LoggedModel.Registration> registrations) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record Data(List<Param> params, List<MetricJson> metrics) {
	}

	/** MLflow's {@code Metric} with its 3.x fields; a non-finite value is written as MLflow does ({@code "NaN"}). */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record MetricJson(String key, Object value, long timestamp, long step, @Nullable String datasetName,
			@Nullable String datasetDigest, @Nullable String modelId, @Nullable String runId) {

		static MetricJson of(ModelMetric metric) {
			return new MetricJson(metric.key(), MlflowJson.number(metric.value()), metric.timestamp(), metric.step(),
					metric.datasetName(), metric.datasetDigest(), metric.modelId(), metric.runId());
		}

	}

	record ModelResponse(Model model) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record SearchResponse(List<Model> models, @Nullable String nextPageToken) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record FileJson(String path, boolean isDir, @Nullable Long fileSize) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Files(String rootUri, List<FileJson> files, @Nullable String nextPageToken) {
	}

}
