package dev.eaw.mlops.tracking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Experiment;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.LoggedModel;
import dev.eaw.mlops.LoggedModelSearch;
import dev.eaw.mlops.LoggedModelStatus;
import dev.eaw.mlops.LoggedModels;
import dev.eaw.mlops.ModelMetric;
import dev.eaw.mlops.ModelOutput;
import dev.eaw.mlops.NewLoggedModel;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;

/**
 * MLflow 3's logged models in {@code mlops.logged_models} and its child tables, as MLflow's SQL store keeps them:
 * ids {@code m-<32 hex>}, artifacts under {@code <experiment artifact location>/models/<id>/artifacts}, a generated
 * name when none is given, soft deletes.
 */
@Service
@Transactional
class JdbcLoggedModels implements LoggedModels {

	private static final String PROXY_SCHEME = "mlflow-artifacts:/";

	private final JdbcClient jdbc;

	private final ExperimentTracking experiments;

	private final RunTracking runs;

	private final LoggedModelRows rows;

	private final RunRows runRows;

	JdbcLoggedModels(JdbcClient jdbc, ExperimentTracking experiments, RunTracking runs) {
		this.jdbc = jdbc;
		this.experiments = experiments;
		this.runs = runs;
		this.rows = new LoggedModelRows(jdbc);
		this.runRows = new RunRows(jdbc);
	}

	@Override
	public LoggedModel create(NewLoggedModel model) {
		if (model.experimentId() == null || model.experimentId().isBlank()) {
			throw TrackingError.invalid("Missing value for required parameter 'experiment_id'.");
		}
		Experiment experiment = experiments.get(model.experimentId());
		if (!experiment.lifecycleStage().equals("active")) {
			throw TrackingError.invalid("The experiment " + experiment.experimentId() + " must be in the 'active' "
					+ "state. Current state is " + experiment.lifecycleStage() + ".");
		}
		String sourceRun = empty(model.sourceRunId()) ? null : model.sourceRunId();
		if (sourceRun != null) {
			runRows.info(sourceRun);
		}
		String name = empty(model.name()) ? RunNames.generate() : model.name();
		MlflowLimits.requireText("Logged model name", name, MlflowLimits.EXPERIMENT_NAME);
		MlflowLimits.requireText("Model type", model.modelType(), MlflowLimits.EXPERIMENT_NAME);
		String modelId = "m-" + TrackingIds.newRunId();
		long now = System.currentTimeMillis();
		jdbc.sql("INSERT INTO mlops.logged_models (model_id, experiment_id, name, model_type, source_run_id, "
				+ "artifact_uri, creation_time, last_updated_time) VALUES (:id, :experiment, :name, :type, :run, :uri, "
				+ ":now, :now)")
			.param("id", modelId)
			.param("experiment", Long.parseLong(experiment.experimentId()))
			.param("name", name)
			.param("type", empty(model.modelType()) ? null : model.modelType())
			.param("run", sourceRun)
			.param("uri", experiment.artifactLocation().replaceAll("/+$", "") + "/models/" + modelId + "/artifacts")
			.param("now", now)
			.update();
		model.params().forEach(param -> insertParam(modelId, param));
		model.tags().forEach(tag -> putTag(modelId, tag));
		return rows.model(modelId);
	}

	@Override
	@Transactional(readOnly = true)
	public LoggedModel get(String modelId) {
		return rows.model(modelId);
	}

	@Override
	public LoggedModel finish(String modelId, LoggedModelStatus status) {
		rows.info(modelId);
		if (status == LoggedModelStatus.PENDING) {
			throw TrackingError.invalid("A logged model is finalized as LOGGED_MODEL_READY or "
					+ "LOGGED_MODEL_UPLOAD_FAILED, not " + status.wire() + ".");
		}
		jdbc.sql("UPDATE mlops.logged_models SET status = :status, last_updated_time = :now WHERE model_id = :id")
			.param("status", status.name())
			.param("now", System.currentTimeMillis())
			.param("id", modelId)
			.update();
		return rows.model(modelId);
	}

	@Override
	public void delete(String modelId) {
		rows.info(modelId);
		jdbc.sql("UPDATE mlops.logged_models SET lifecycle_stage = 'deleted', last_updated_time = :now "
				+ "WHERE model_id = :id")
			.param("now", System.currentTimeMillis())
			.param("id", modelId)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<LoggedModel> search(LoggedModelSearch search) {
		int limit = PageTokens.limit(search.maxResults());
		int offset = PageTokens.offset(search.pageToken());
		if (search.experimentIds().isEmpty()) {
			return new Page<>(List.of(), null);
		}
		SearchLimits.checkValues("experiment_ids", search.experimentIds().size());
		List<Long> experimentIds = search.experimentIds().stream().map(TrackingIds::experiment).toList();
		LoggedModelSql sql = LoggedModelSql.of(search);
		List<LoggedModelRows.Info> infos = jdbc
			.sql("SELECT lm.* FROM mlops.logged_models lm WHERE lm.experiment_id IN (:experiments) AND "
					+ "lm.lifecycle_stage = 'active' AND " + sql.where() + " ORDER BY " + String.join(", ", sql.orderBy)
					+ " LIMIT " + (limit + 1) + " OFFSET " + offset)
			.param("experiments", experimentIds)
			.params(sql.params)
			.query((rs, i) -> LoggedModelRows.info(rs))
			.list();
		List<LoggedModel> models = rows.models(infos.subList(0, Math.min(limit, infos.size())));
		return new Page<>(models, infos.size() > limit ? PageTokens.of(offset + limit) : null);
	}

	@Override
	public void logParams(String modelId, List<Param> params) {
		rows.info(modelId);
		params.forEach(param -> insertParam(modelId, param));
		touch(modelId);
	}

	@Override
	public LoggedModel setTags(String modelId, List<Tag> tags) {
		rows.info(modelId);
		tags.forEach(tag -> putTag(modelId, tag));
		touch(modelId);
		return rows.model(modelId);
	}

	@Override
	public void deleteTag(String modelId, String key) {
		rows.info(modelId);
		int deleted = jdbc.sql("DELETE FROM mlops.logged_model_tags WHERE model_id = :id AND key = :key")
			.param("id", modelId)
			.param("key", key)
			.update();
		if (deleted == 0) {
			throw TrackingError.notFound("No tag with key '" + key + "' found for model with ID '" + modelId + "'.");
		}
		touch(modelId);
	}

	@Override
	public void logBatch(String runId, List<ModelMetric> metrics, List<Param> params, List<Tag> tags) {
		Set<String> models = new LinkedHashSet<>();
		for (ModelMetric metric : metrics) {
			if (!empty(metric.modelId())) {
				models.add(metric.modelId());
				MlflowLimits.requireText("Dataset name", metric.datasetName(), MlflowLimits.DATASET_NAME);
				MlflowLimits.requireText("Dataset digest", metric.datasetDigest(), MlflowLimits.DATASET_DIGEST);
			}
		}
		models.forEach(rows::info);
		runs.logBatch(runId, metrics.stream().map(ModelMetric::metric).toList(), params, tags);
		for (ModelMetric metric : metrics) {
			if (!empty(metric.modelId())) {
				jdbc.sql("INSERT INTO mlops.logged_model_metrics (model_id, run_uuid, key, value, timestamp, step, "
						+ "is_nan, dataset_name, dataset_digest) VALUES (:model, :run, :key, :value, :timestamp, :step, "
						+ ":nan, :dataset, :digest)")
					.param("model", metric.modelId())
					.param("run", runId)
					.param("key", metric.key())
					.param("value", metric.value())
					.param("timestamp", metric.timestamp())
					.param("step", metric.step())
					.param("nan", Double.isNaN(metric.value()))
					.param("dataset", empty(metric.datasetName()) ? null : metric.datasetName())
					.param("digest", empty(metric.datasetDigest()) ? null : metric.datasetDigest())
					.update();
			}
		}
	}

	@Override
	public void logInputs(String runId, List<DatasetInput> datasets, List<String> modelIds) {
		runs.logInputs(runId, datasets);
		for (String modelId : modelIds) {
			rows.info(modelId);
			jdbc.sql("INSERT INTO mlops.run_model_inputs (run_uuid, model_id) VALUES (:run, :model) "
					+ "ON CONFLICT DO NOTHING")
				.param("run", runId)
				.param("model", modelId)
				.update();
		}
	}

	@Override
	public void logOutputs(String runId, List<ModelOutput> outputs) {
		runRows.active(runId);
		for (ModelOutput output : outputs) {
			rows.info(output.modelId());
			jdbc.sql("INSERT INTO mlops.run_model_outputs (run_uuid, model_id, step) VALUES (:run, :model, :step) "
					+ "ON CONFLICT (run_uuid, model_id) DO UPDATE SET step = excluded.step")
				.param("run", runId)
				.param("model", output.modelId())
				.param("step", output.step())
				.update();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public @Nullable String artifactRoot(String modelId) {
		String uri = rows.info(modelId).artifactUri();
		return uri.startsWith(PROXY_SCHEME) ? uri.substring(PROXY_SCHEME.length()).replaceAll("/+$", "") : null;
	}

	private void insertParam(String modelId, Param param) {
		MlflowLimits.requireKey(param.key());
		MlflowLimits.requireText("Param value", param.value());
		String logged = jdbc.sql("INSERT INTO mlops.logged_model_params AS p (model_id, key, value) "
				+ "VALUES (:id, :key, :value) ON CONFLICT (model_id, key) DO UPDATE SET value = p.value RETURNING value")
			.param("id", modelId)
			.param("key", param.key())
			.param("value", param.value())
			.query(String.class)
			.single();
		if (!logged.equals(param.value())) {
			throw TrackingError.invalid("Changing param values is not allowed. Param with key='" + param.key()
					+ "' was already logged with value='" + logged + "' for logged model ID='" + modelId
					+ "'. Attempted logging new value '" + param.value() + "'.");
		}
	}

	private void putTag(String modelId, Tag tag) {
		MlflowLimits.requireKey(tag.key());
		MlflowLimits.requireText("Tag value", tag.value());
		jdbc.sql("INSERT INTO mlops.logged_model_tags (model_id, key, value) VALUES (:id, :key, :value) "
				+ "ON CONFLICT (model_id, key) DO UPDATE SET value = excluded.value")
			.param("id", modelId)
			.param("key", tag.key())
			.param("value", tag.value())
			.update();
	}

	private void touch(String modelId) {
		jdbc.sql("UPDATE mlops.logged_models SET last_updated_time = :now WHERE model_id = :id")
			.param("now", System.currentTimeMillis())
			.param("id", modelId)
			.update();
	}

	private static boolean empty(@Nullable String value) {
		return value == null || value.isEmpty();
	}

}
