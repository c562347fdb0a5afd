package dev.eaw.mlops.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.TrainingJob;
import dev.eaw.mlops.TrainingRequest;
import dev.eaw.mlops.TrainingState;
import tools.jackson.databind.json.JsonMapper;

/** Training jobs in {@code mlops.training_jobs}, with the request as JSON. */
final class JdbcTrainingJobs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	JdbcTrainingJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, TrainingRequest request, String user) {
		jdbc.sql("INSERT INTO mlops.training_jobs (id, state, stage, request, user_name) "
				+ "VALUES (:id, 'QUEUED', 'queued', :request, :user)")
			.param("id", id)
			.param("request", JSON.writeValueAsString(request))
			.param("user", user)
			.update();
	}

	/** Takes a queued job to run it; false when it is not queued (already taken, or finished). */
	boolean claim(String id) {
		return jdbc.sql("UPDATE mlops.training_jobs SET state = 'RUNNING', stage = 'started' "
				+ "WHERE id = :id AND state = 'QUEUED'")
			.param("id", id)
			.update() == 1;
	}

	void started(String id, String runId, String experimentId) {
		jdbc.sql("UPDATE mlops.training_jobs SET state = 'RUNNING', run_id = :run, experiment_id = :experiment, "
				+ "stage = 'started' WHERE id = :id")
			.param("id", id)
			.param("run", runId)
			.param("experiment", experimentId)
			.update();
	}

	void progress(String id, double fraction, String stage) {
		jdbc.sql("UPDATE mlops.training_jobs SET progress = :progress, stage = :stage WHERE id = :id")
			.param("id", id)
			.param("progress", fraction)
			.param("stage", stage)
			.update();
	}

	void finished(String id, TrainingState state, @Nullable String error) {
		jdbc.sql("UPDATE mlops.training_jobs SET state = :state, error = :error, finished_at = now(), "
				+ "progress = CASE WHEN :state = 'FINISHED' THEN 1 ELSE progress END, "
				+ "stage = CASE WHEN :state = 'FINISHED' THEN 'finished' ELSE 'failed' END WHERE id = :id")
			.param("id", id)
			.param("state", state.name())
			.param("error", error)
			.update();
	}

	Optional<TrainingJob> find(String id) {
		return jdbc.sql("SELECT * FROM mlops.training_jobs WHERE id = :id").param("id", id).query(this::job).optional();
	}

	List<TrainingJob> recent(int limit) {
		return jdbc.sql("SELECT * FROM mlops.training_jobs ORDER BY submitted_at DESC, id LIMIT :limit")
			.param("limit", limit)
			.query(this::job)
			.list();
	}

	List<String> inState(TrainingState state) {
		return jdbc.sql("SELECT id FROM mlops.training_jobs WHERE state = :state ORDER BY submitted_at")
			.param("state", state.name())
			.query(String.class)
			.list();
	}

	private TrainingJob job(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new TrainingJob(rs.getString("id"), TrainingState.valueOf(rs.getString("state")),
				rs.getDouble("progress"), rs.getString("stage"),
				JSON.readValue(rs.getString("request"), TrainingRequest.class), rs.getString("run_id"),
				rs.getString("experiment_id"), rs.getString("error"), rs.getString("user_name"),
				rs.getTimestamp("submitted_at").toInstant(), finished == null ? null : finished.toInstant());
	}

}
