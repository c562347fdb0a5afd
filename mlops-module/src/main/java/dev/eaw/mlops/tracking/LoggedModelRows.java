package dev.eaw.mlops.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.LoggedModel;
import dev.eaw.mlops.LoggedModelStatus;
import dev.eaw.mlops.ModelMetric;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;

/** Reads logged models with their tags, params, metrics and registrations from {@code mlops.logged_models}. */
final class LoggedModelRows {

	/** A logged model's own columns, before its tags, params and metrics are read. */
	record Info(String modelId, String experimentId, String name, long creationTime, long lastUpdatedTime,
			String artifactUri, LoggedModelStatus status, @Nullable String modelType, @Nullable String sourceRunId,
			@Nullable String statusMessage) {
	}

	private final JdbcClient jdbc;

	LoggedModelRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The active model with this id; a deleted or unknown one is RESOURCE_DOES_NOT_EXIST, as in MLflow. */
	Info info(String modelId) {
		return jdbc.sql("SELECT lm.* FROM mlops.logged_models lm WHERE lm.model_id = :id AND lm.lifecycle_stage = 'active'")
			.param("id", modelId)
			.query((rs, i) -> info(rs))
			.optional()
			.orElseThrow(() -> notFound(modelId));
	}

	LoggedModel model(String modelId) {
		return models(List.of(info(modelId))).get(0);
	}

	/** The models with their tags, params, metrics and registrations: five queries for a whole page. */
	List<LoggedModel> models(List<Info> infos) {
		List<String> ids = infos.stream().map(Info::modelId).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, List<Tag>> tags = RunRows.grouped(jdbc,
				"SELECT model_id, key, value FROM mlops.logged_model_tags WHERE model_id IN (:ids) ORDER BY key",
				"model_id", ids, rs -> new Tag(rs.getString("key"), rs.getString("value")));
		Map<String, List<Param>> params = RunRows.grouped(jdbc,
				"SELECT model_id, key, value FROM mlops.logged_model_params WHERE model_id IN (:ids) ORDER BY key",
				"model_id", ids, rs -> new Param(rs.getString("key"), rs.getString("value")));
		Map<String, List<ModelMetric>> metrics = RunRows.grouped(jdbc,
				"SELECT * FROM mlops.logged_model_metrics WHERE model_id IN (:ids) ORDER BY id", "model_id", ids,
				LoggedModelRows::metric);
		Map<String, List<LoggedModel.Registration>> registrations = RunRows.grouped(jdbc,
				"SELECT v.logged_model_id, m.name, v.version FROM mlops.model_versions v JOIN mlops.registered_models m "
						+ "ON m.id = v.model_id WHERE v.logged_model_id IN (:ids) ORDER BY m.name, v.version",
				"logged_model_id", ids,
				rs -> new LoggedModel.Registration(rs.getString("name"), Integer.toString(rs.getInt("version"))));
		return infos.stream()
			.map(info -> new LoggedModel(info.modelId(), info.experimentId(), info.name(), info.creationTime(),
					info.lastUpdatedTime(), info.artifactUri(), info.status(), info.modelType(), info.sourceRunId(),
					info.statusMessage(), tags.getOrDefault(info.modelId(), List.of()),
					registrations.getOrDefault(info.modelId(), List.of()),
					params.getOrDefault(info.modelId(), List.of()), metrics.getOrDefault(info.modelId(), List.of())))
			.toList();
	}

	static Info info(ResultSet rs) throws SQLException {
		return new Info(rs.getString("model_id"), Long.toString(rs.getLong("experiment_id")), rs.getString("name"),
				rs.getLong("creation_time"), rs.getLong("last_updated_time"), rs.getString("artifact_uri"),
				LoggedModelStatus.valueOf(rs.getString("status")), rs.getString("model_type"),
				rs.getString("source_run_id"), rs.getString("status_message"));
	}

	private static ModelMetric metric(ResultSet rs) throws SQLException {
		return new ModelMetric(rs.getString("key"), rs.getDouble("value"), rs.getLong("timestamp"), rs.getLong("step"),
				rs.getString("model_id"), rs.getString("dataset_name"), rs.getString("dataset_digest"),
				rs.getString("run_uuid"));
	}

	static TrackingError notFound(String modelId) {
		return TrackingError.notFound("Logged model with ID '" + modelId + "' not found.");
	}

}
