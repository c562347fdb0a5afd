package dev.eaw.mlops.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.mlops.Experiment;
import dev.eaw.mlops.ExperimentSearch;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;

/** MLflow experiments in {@code mlops.experiments} and {@code mlops.experiment_tags}. */
@Service
@Transactional
class JdbcExperimentTracking implements ExperimentTracking {

	private final JdbcClient jdbc;

	JdbcExperimentTracking(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String create(String name, @Nullable String artifactLocation, List<Tag> tags) {
		requireName(name);
		MlflowLimits.requireText("Artifact location", artifactLocation);
		if (findId(name) != null) {
			throw TrackingError.exists("Experiment '" + name + "' already exists.");
		}
		long now = System.currentTimeMillis();
		long id;
		try {
			id = jdbc.sql("INSERT INTO mlops.experiments (name, artifact_location, creation_time, last_update_time) "
					+ "VALUES (:name, :location, :now, :now) RETURNING experiment_id")
				.param("name", name)
				.param("location", artifactLocation == null ? "" : artifactLocation)
				.param("now", now)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw TrackingError.exists("Experiment '" + name + "' already exists.");
		}
		if (artifactLocation == null || artifactLocation.isEmpty()) {
			jdbc.sql("UPDATE mlops.experiments SET artifact_location = :location WHERE experiment_id = :id")
				.param("location", "mlflow-artifacts:/" + id)
				.param("id", id)
				.update();
		}
		for (Tag tag : tags) {
			putTag(id, tag.key(), tag.value());
		}
		return Long.toString(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Experiment get(String experimentId) {
		long id = TrackingIds.experiment(experimentId);
		return jdbc.sql("SELECT * FROM mlops.experiments WHERE experiment_id = :id")
			.param("id", id)
			.query(this::experiment)
			.optional()
			.orElseThrow(() -> TrackingError.notFound("No Experiment with id=" + experimentId + " exists"));
	}

	@Override
	@Transactional(readOnly = true)
	public Experiment getByName(String name) {
		Long id = findId(name);
		if (id == null) {
			throw TrackingError.notFound("Could not find experiment with name '" + name + "'");
		}
		return get(Long.toString(id));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Experiment> search(ExperimentSearch search) {
		int limit = PageTokens.limit(search.maxResults());
		int offset = PageTokens.offset(search.pageToken());
		SearchSql sql = SearchSql.forExperiments(SearchFilter.parse(search.filter()),
				SearchFilter.orderBy(search.orderBy()));
		List<Experiment> found = jdbc
			.sql("SELECT e.* FROM mlops.experiments e WHERE " + SearchSql.lifecycle("e.lifecycle_stage", search.viewType())
					+ " AND " + sql.where() + " ORDER BY " + String.join(", ", sql.orderBy) + " LIMIT " + (limit + 1)
					+ " OFFSET " + offset)
			.params(sql.params)
			.query(this::experiment)
			.list();
		if (found.size() > limit) {
			return new Page<>(found.subList(0, limit), PageTokens.of(offset + limit));
		}
		return new Page<>(found, null);
	}

	@Override
	public void rename(String experimentId, String newName) {
		Experiment experiment = get(experimentId);
		requireName(newName);
		if (!experiment.lifecycleStage().equals("active")) {
			throw TrackingError.invalid("Cannot rename a non-active experiment.");
		}
		Long other = findId(newName);
		if (other != null && other != TrackingIds.experiment(experimentId)) {
			throw TrackingError.exists("Experiment '" + newName + "' already exists.");
		}
		jdbc.sql("UPDATE mlops.experiments SET name = :name, last_update_time = :now WHERE experiment_id = :id")
			.param("name", newName)
			.param("now", System.currentTimeMillis())
			.param("id", TrackingIds.experiment(experimentId))
			.update();
	}

	@Override
	public void delete(String experimentId) {
		if (TrackingIds.experiment(experimentId) == 0) {
			throw TrackingError.invalid("Cannot delete the default experiment '0'. This is an internally reserved "
					+ "experiment.");
		}
		stage(experimentId, "deleted");
	}

	@Override
	public void restore(String experimentId) {
		stage(experimentId, "active");
	}

	@Override
	public void setTag(String experimentId, String key, String value) {
		Experiment experiment = get(experimentId);
		if (!experiment.lifecycleStage().equals("active")) {
			throw TrackingError.invalid("The experiment " + experimentId + " must be in the 'active' state.");
		}
		putTag(TrackingIds.experiment(experimentId), key, value);
	}

	private void stage(String experimentId, String stage) {
		get(experimentId);
		long id = TrackingIds.experiment(experimentId);
		jdbc.sql("UPDATE mlops.experiments SET lifecycle_stage = :stage, last_update_time = :now WHERE experiment_id = :id")
			.param("stage", stage)
			.param("now", System.currentTimeMillis())
			.param("id", id)
			.update();
		// MLflow deletes and restores an experiment's runs with it
		jdbc.sql("UPDATE mlops.runs SET lifecycle_stage = :stage WHERE experiment_id = :id")
			.param("stage", stage)
			.param("id", id)
			.update();
	}

	private static void requireName(String name) {
		if (name.isBlank()) {
			throw TrackingError.invalid("Invalid experiment name: '" + name + "'");
		}
		MlflowLimits.requireText("Experiment name", name, MlflowLimits.EXPERIMENT_NAME);
	}

	private void putTag(long id, String key, String value) {
		MlflowLimits.requireKey(key);
		MlflowLimits.requireText("Tag value", value);
		jdbc.sql("INSERT INTO mlops.experiment_tags (experiment_id, key, value) VALUES (:id, :key, :value) "
				+ "ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value")
			.param("id", id)
			.param("key", key)
			.param("value", value)
			.update();
	}

	private @Nullable Long findId(String name) {
		return jdbc.sql("SELECT experiment_id FROM mlops.experiments WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private Experiment experiment(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("experiment_id");
		List<Tag> tags = new ArrayList<>(jdbc
			.sql("SELECT key, value FROM mlops.experiment_tags WHERE experiment_id = :id ORDER BY key")
			.param("id", id)
			.query((r, i) -> new Tag(r.getString("key"), r.getString("value")))
			.list());
		return new Experiment(Long.toString(id), rs.getString("name"), rs.getString("artifact_location"),
				rs.getString("lifecycle_stage"), rs.getLong("creation_time"), rs.getLong("last_update_time"), tags);
	}

}
