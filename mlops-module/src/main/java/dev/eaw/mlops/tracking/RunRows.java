package dev.eaw.mlops.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Metric;
import dev.eaw.mlops.ModelOutput;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunData;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;

/** Reads runs with their data (latest metrics, params, tags) from {@code mlops.runs} and its child tables. */
final class RunRows {

	private final JdbcClient jdbc;

	RunRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Run run(String runId) {
		return runs(List.of(info(runId))).get(0);
	}

	/** The runs with their data, dataset inputs and logged-model inputs and outputs, in a few queries per page. */
	List<Run> runs(List<RunInfo> infos) {
		List<String> ids = infos.stream().map(RunInfo::runId).toList();
		Map<String, RunData> data = data(ids);
		Map<String, List<DatasetInput>> inputs = inputs(ids);
		Map<String, List<String>> modelInputs = ids.isEmpty() ? Map.of()
				: byRun("SELECT run_uuid, model_id FROM mlops.run_model_inputs WHERE run_uuid IN (:ids) ORDER BY position",
						ids, rs -> rs.getString("model_id"));
		Map<String, List<ModelOutput>> modelOutputs = ids.isEmpty() ? Map.of()
				: byRun("SELECT run_uuid, model_id, step FROM mlops.run_model_outputs WHERE run_uuid IN (:ids) "
						+ "ORDER BY position", ids, rs -> new ModelOutput(rs.getString("model_id"), rs.getLong("step")));
		return infos.stream()
			.map(info -> new Run(info, data.get(info.runId()), inputs.getOrDefault(info.runId(), List.of()),
					modelInputs.getOrDefault(info.runId(), List.of()),
					modelOutputs.getOrDefault(info.runId(), List.of())))
			.toList();
	}

	/** The datasets each run logged as inputs, in the order they were logged. */
	Map<String, List<DatasetInput>> inputs(List<String> runIds) {
		if (runIds.isEmpty()) {
			return Map.of();
		}
		return byRun("SELECT * FROM mlops.run_inputs WHERE run_uuid IN (:ids) ORDER BY position", runIds,
				rs -> new DatasetInput(rs.getString("name"), rs.getString("digest"), rs.getString("source_type"),
						rs.getString("source"), rs.getString("schema"), rs.getString("profile"),
						InputTags.read(rs.getString("tags"))));
	}

	RunInfo info(String runId) {
		return jdbc.sql("SELECT r.* FROM mlops.runs r WHERE r.run_uuid = :id")
			.param("id", runId)
			.query((rs, i) -> info(rs))
			.optional()
			.orElseThrow(() -> notFound(runId));
	}

	/** The run, which must exist and be active (writes to a deleted run are refused, as in MLflow). */
	RunInfo active(String runId) {
		RunInfo info = info(runId);
		if (!info.lifecycleStage().equals("active")) {
			throw TrackingError.invalid("The run " + runId + " must be in the 'active' state. Current state is "
					+ info.lifecycleStage() + ".");
		}
		return info;
	}

	RunData data(String runId) {
		return data(List.of(runId)).get(runId);
	}

	/** The data of many runs (a page of a search) in three queries, not three per run; every id gets an entry. */
	Map<String, RunData> data(List<String> runIds) {
		if (runIds.isEmpty()) {
			return Map.of();
		}
		Map<String, List<Metric>> metrics = byRun(
				"SELECT run_uuid, key, value, timestamp, step FROM mlops.latest_metrics WHERE run_uuid IN (:ids) ORDER BY key",
				runIds, RunRows::metric);
		Map<String, List<Param>> params = byRun(
				"SELECT run_uuid, key, value FROM mlops.params WHERE run_uuid IN (:ids) ORDER BY key", runIds,
				rs -> new Param(rs.getString("key"), rs.getString("value")));
		Map<String, List<Tag>> tags = byRun(
				"SELECT run_uuid, key, value FROM mlops.tags WHERE run_uuid IN (:ids) ORDER BY key", runIds,
				rs -> new Tag(rs.getString("key"), rs.getString("value")));
		Map<String, RunData> data = new HashMap<>();
		for (String id : runIds) {
			data.put(id, new RunData(metrics.getOrDefault(id, List.of()), params.getOrDefault(id, List.of()),
					tags.getOrDefault(id, List.of())));
		}
		return data;
	}

	private <T> Map<String, List<T>> byRun(String sql, List<String> runIds, Reader<T> reader) {
		return grouped(jdbc, sql, "run_uuid", runIds, reader);
	}

	/** Rows of {@code sql} (with {@code :ids} bound to {@code ids}) read and grouped by the {@code key} column. */
	static <T> Map<String, List<T>> grouped(JdbcClient jdbc, String sql, String key, List<String> ids,
			Reader<T> reader) {
		Map<String, List<T>> grouped = new HashMap<>();
		jdbc.sql(sql).param("ids", ids).query((ResultSet rs) -> {
			grouped.computeIfAbsent(rs.getString(key), id -> new ArrayList<>()).add(reader.read(rs));
		});
		return grouped;
	}

	@FunctionalInterface
	interface Reader<T> {

		T read(ResultSet rs) throws SQLException;

	}

	static Metric metric(ResultSet rs) throws SQLException {
		return new Metric(rs.getString("key"), rs.getDouble("value"), rs.getLong("timestamp"), rs.getLong("step"));
	}

	static RunInfo info(ResultSet rs) throws SQLException {
		long start = rs.getLong("start_time");
		Long startTime = rs.wasNull() ? null : start;
		long end = rs.getLong("end_time");
		Long endTime = rs.wasNull() ? null : end;
		return new RunInfo(rs.getString("run_uuid"), rs.getString("name"), Long.toString(rs.getLong("experiment_id")),
				rs.getString("user_id"), RunStatus.valueOf(rs.getString("status")), startTime, endTime,
				rs.getString("artifact_uri"), rs.getString("lifecycle_stage"));
	}

	static TrackingError notFound(String runId) {
		return TrackingError.notFound("Run '" + runId + "' not found");
	}

}
