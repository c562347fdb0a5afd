package dev.eaw.mlops.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Experiment;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.Metric;
import dev.eaw.mlops.NewRun;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.RunSearch;
import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;

/** MLflow runs in {@code mlops.runs} with their params, metrics (history and latest) and tags. */
@Service
@Transactional
class JdbcRunTracking implements RunTracking {

	static final String RUN_NAME_TAG = "mlflow.runName";

	static final String USER_TAG = "mlflow.user";

	private final JdbcClient jdbc;

	private final ExperimentTracking experiments;

	private final RunRows rows;

	JdbcRunTracking(JdbcClient jdbc, ExperimentTracking experiments) {
		this.jdbc = jdbc;
		this.experiments = experiments;
		this.rows = new RunRows(jdbc);
	}

	@Override
	public Run create(NewRun run) {
		String experimentId = run.experimentId() == null || run.experimentId().isEmpty() ? "0" : run.experimentId();
		Experiment experiment = experiments.get(experimentId);
		if (!experiment.lifecycleStage().equals("active")) {
			throw TrackingError.invalid("The experiment " + experimentId + " must be in the 'active' state. "
					+ "Current state is " + experiment.lifecycleStage() + ".");
		}
		Map<String, String> tags = new HashMap<>();
		run.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
		String name = run.runName() != null && !run.runName().isEmpty() ? run.runName()
				: tags.getOrDefault(RUN_NAME_TAG, RunNames.generate());
		MlflowLimits.requireText("Run name", name, MlflowLimits.RUN_NAME);
		tags.put(RUN_NAME_TAG, name);
		String user = tags.getOrDefault(USER_TAG,
				run.userId() != null && !run.userId().isEmpty() ? run.userId() : "unknown");
		MlflowLimits.requireText("User id", user, MlflowLimits.NAME);
		String runId = TrackingIds.newRunId();
		jdbc.sql("INSERT INTO mlops.runs (run_uuid, experiment_id, name, user_id, status, start_time, artifact_uri) "
				+ "VALUES (:id, :experiment, :name, :user, 'RUNNING', :start, :uri)")
			.param("id", runId)
			.param("experiment", Long.parseLong(experiment.experimentId()))
			.param("name", name)
			.param("user", user)
			.param("start", run.startTime() != null ? run.startTime() : System.currentTimeMillis())
			.param("uri", experiment.artifactLocation() + "/" + runId + "/artifacts")
			.update();
		tags.forEach((key, value) -> putTag(runId, key, value));
		return rows.run(runId);
	}

	@Override
	@Transactional(readOnly = true)
	public Run get(String runId) {
		return rows.run(runId);
	}

	@Override
	public RunInfo update(String runId, @Nullable RunStatus status, @Nullable Long endTime, @Nullable String runName) {
		RunInfo info = rows.active(runId);
		if (runName != null) {
			MlflowLimits.requireText("Run name", runName, MlflowLimits.RUN_NAME);
		}
		jdbc.sql("UPDATE mlops.runs SET status = :status, end_time = :end, name = :name WHERE run_uuid = :id")
			.param("status", (status != null ? status : info.status()).name())
			.param("end", endTime != null ? endTime : info.endTime())
			.param("name", runName != null && !runName.isEmpty() ? runName : info.runName())
			.param("id", runId)
			.update();
		if (runName != null && !runName.isEmpty()) {
			putTag(runId, RUN_NAME_TAG, runName);
		}
		return rows.info(runId);
	}

	@Override
	public void delete(String runId) {
		stage(runId, "deleted");
	}

	@Override
	public void restore(String runId) {
		stage(runId, "active");
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Run> search(RunSearch search) {
		int limit = PageTokens.limit(search.maxResults());
		int offset = PageTokens.offset(search.pageToken());
		if (search.experimentIds().isEmpty()) {
			return new Page<>(List.of(), null);
		}
		SearchLimits.checkValues("experiment_ids", search.experimentIds().size());
		List<Long> experimentIds = new ArrayList<>();
		for (String id : search.experimentIds()) {
			try {
				experimentIds.add(Long.parseLong(id.trim()));
			}
			catch (NumberFormatException ex) {
				throw TrackingError.invalid("Invalid experiment id '" + id + "'.");
			}
		}
		SearchSql sql = SearchSql.forRuns(SearchFilter.parse(search.filter()), SearchFilter.orderBy(search.orderBy()));
		List<RunInfo> infos = jdbc
			.sql("SELECT r.* FROM mlops.runs r WHERE r.experiment_id IN (:experiments) AND "
					+ SearchSql.lifecycle("r.lifecycle_stage", search.viewType()) + " AND " + sql.where() + " ORDER BY "
					+ String.join(", ", sql.orderBy) + " LIMIT " + (limit + 1) + " OFFSET " + offset)
			.param("experiments", experimentIds)
			.params(sql.params)
			.query((rs, i) -> RunRows.info(rs))
			.list();
		List<Run> runs = rows.runs(infos.subList(0, Math.min(limit, infos.size())));
		return new Page<>(runs, infos.size() > limit ? PageTokens.of(offset + limit) : null);
	}

	@Override
	public void logMetric(String runId, Metric metric) {
		rows.active(runId);
		insertMetric(runId, metric);
	}

	@Override
	public void logParam(String runId, Param param) {
		rows.active(runId);
		insertParam(runId, param);
	}

	@Override
	public void setTag(String runId, Tag tag) {
		rows.active(runId);
		putTag(runId, tag.key(), tag.value());
	}

	@Override
	public void deleteTag(String runId, String key) {
		rows.active(runId);
		int deleted = jdbc.sql("DELETE FROM mlops.tags WHERE run_uuid = :id AND key = :key")
			.param("id", runId)
			.param("key", key)
			.update();
		if (deleted == 0) {
			throw TrackingError.notFound("No tag with name: " + key + " in run with id " + runId);
		}
	}

	@Override
	public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags) {
		if (metrics.size() > MAX_BATCH_METRICS || params.size() > MAX_BATCH_PARAMS || tags.size() > MAX_BATCH_TAGS) {
			throw TrackingError.invalid("A batch logging request can contain at most " + MAX_BATCH_METRICS
					+ " metrics, " + MAX_BATCH_PARAMS + " params and " + MAX_BATCH_TAGS + " tags. Got " + metrics.size()
					+ " metrics, " + params.size() + " params and " + tags.size() + " tags.");
		}
		Map<String, String> batchParams = new HashMap<>();
		for (Param param : params) {
			String earlier = batchParams.putIfAbsent(param.key(), param.value());
			if (earlier != null && !earlier.equals(param.value())) {
				throw TrackingError.invalid("Duplicate parameter keys have been submitted: '" + param.key()
						+ "' with different values.");
			}
		}
		rows.active(runId);
		params.forEach(param -> insertParam(runId, param));
		metrics.forEach(metric -> insertMetric(runId, metric));
		tags.forEach(tag -> putTag(runId, tag.key(), tag.value()));
	}

	@Override
	public void logInputs(String runId, List<DatasetInput> inputs) {
		rows.active(runId);
		for (DatasetInput input : inputs) {
			MlflowLimits.requireDataset(input);
			jdbc.sql("INSERT INTO mlops.run_inputs (run_uuid, name, digest, source_type, source, schema, profile, tags) "
					+ "VALUES (:run, :name, :digest, :type, :source, :schema, :profile, :tags) ON CONFLICT DO NOTHING")
				.param("run", runId)
				.param("name", input.name())
				.param("digest", input.digest())
				.param("type", input.sourceType())
				.param("source", input.source())
				.param("schema", input.schema())
				.param("profile", input.profile())
				.param("tags", InputTags.write(input.tags()))
				.update();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Metric> metricHistory(String runId, String key, int maxResults, @Nullable String pageToken) {
		rows.info(runId);
		int limit = PageTokens.limit(maxResults);
		int offset = PageTokens.offset(pageToken);
		List<Metric> metrics = jdbc
			.sql("SELECT key, value, timestamp, step FROM mlops.metrics WHERE run_uuid = :id AND key = :key ORDER BY id "
					+ "LIMIT " + (limit + 1) + " OFFSET " + offset)
			.param("id", runId)
			.param("key", key)
			.query((rs, i) -> RunRows.metric(rs))
			.list();
		if (metrics.size() > limit) {
			return new Page<>(metrics.subList(0, limit), PageTokens.of(offset + limit));
		}
		return new Page<>(metrics, null);
	}

	private void stage(String runId, String stage) {
		rows.info(runId);
		jdbc.sql("UPDATE mlops.runs SET lifecycle_stage = :stage WHERE run_uuid = :id")
			.param("stage", stage)
			.param("id", runId)
			.update();
	}

	private void insertParam(String runId, Param param) {
		MlflowLimits.requireKey(param.key());
		MlflowLimits.requireText("Param value", param.value());
		jdbc.sql("INSERT INTO mlops.params (run_uuid, key, value) VALUES (:id, :key, :value) ON CONFLICT DO NOTHING")
			.param("id", runId)
			.param("key", param.key())
			.param("value", param.value())
			.update();
		String logged = jdbc.sql("SELECT value FROM mlops.params WHERE run_uuid = :id AND key = :key")
			.param("id", runId)
			.param("key", param.key())
			.query(String.class)
			.single();
		if (!logged.equals(param.value())) {
			throw TrackingError.invalid("Changing param values is not allowed. Param with key='" + param.key()
					+ "' was already logged with value='" + logged + "' for run ID='" + runId
					+ "'. Attempted logging new value '" + param.value() + "'.");
		}
	}

	private void insertMetric(String runId, Metric metric) {
		MlflowLimits.requireKey(metric.key());
		Map<String, Object> values = Map.of("id", runId, "key", metric.key(), "value", metric.value(), "timestamp",
				metric.timestamp(), "step", metric.step(), "nan", Double.isNaN(metric.value()));
		jdbc.sql("INSERT INTO mlops.metrics (run_uuid, key, value, timestamp, step, is_nan) "
				+ "VALUES (:id, :key, :value, :timestamp, :step, :nan)")
			.params(values)
			.update();
		jdbc.sql("INSERT INTO mlops.latest_metrics AS l (run_uuid, key, value, timestamp, step, is_nan) "
				+ "VALUES (:id, :key, :value, :timestamp, :step, :nan) ON CONFLICT (run_uuid, key) DO UPDATE SET "
				+ "value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan "
				+ "WHERE (excluded.step, excluded.timestamp, excluded.value) >= (l.step, l.timestamp, l.value)")
			.params(values)
			.update();
	}

	private void putTag(String runId, String key, String value) {
		MlflowLimits.requireKey(key);
		MlflowLimits.requireText("Tag value", value);
		if (key.equals(RUN_NAME_TAG)) {
			MlflowLimits.requireText("Run name", value, MlflowLimits.RUN_NAME);
		}
		jdbc.sql("INSERT INTO mlops.tags (run_uuid, key, value) VALUES (:id, :key, :value) "
				+ "ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value")
			.param("id", runId)
			.param("key", key)
			.param("value", value)
			.update();
		if (key.equals(RUN_NAME_TAG)) {
			jdbc.sql("UPDATE mlops.runs SET name = :name WHERE run_uuid = :id").param("name", value).param("id", runId).update();
		}
	}

}
