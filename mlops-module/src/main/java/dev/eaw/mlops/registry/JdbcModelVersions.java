package dev.eaw.mlops.registry;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelStage;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.ModelVersionDeleted;
import dev.eaw.mlops.ModelVersionRegistered;
import dev.eaw.mlops.NewModelVersion;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.RegistrySearch;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.tracking.MlflowLimits;
import dev.eaw.mlops.tracking.PageTokens;

/**
 * The version half of the registry in {@code mlops.model_versions} and {@code mlops.model_version_tags}, and the
 * look-ups both halves share; {@link JdbcModelRegistry} completes it with the registered models.
 */
@Transactional
abstract class JdbcModelVersions implements ModelRegistry {

	private static final Map<String, String> VERSION_COLUMNS = Map.of("name", "m.name", "run_id", "v.run_id",
			"source_path", "v.source", "version_number", "v.version", "creation_timestamp", "v.creation_time",
			"last_updated_timestamp", "v.last_updated_time", "current_stage", "v.current_stage");

	/** A run id as MLflow's SQL store keeps it: 32 characters. */
	private static final int RUN_ID = 32;

	protected final JdbcClient jdbc;

	protected final RegistryRows rows;

	protected final ApplicationEventPublisher events;

	JdbcModelVersions(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rows = new RegistryRows(jdbc);
		this.events = events;
	}

	@Override
	public ModelVersion createVersion(NewModelVersion version) {
		long id = modelId(version.name());
		if (version.source().isBlank()) {
			throw TrackingError.invalid("Missing value for required parameter 'source'.");
		}
		MlflowLimits.requireText("Source", version.source());
		MlflowLimits.requireText("Run id", version.runId(), RUN_ID);
		MlflowLimits.requireText("Run link", version.runLink());
		MlflowLimits.requireText("Description", version.description());
		MlflowLimits.requireText("User id", version.userId(), MlflowLimits.NAME);
		LoggedSource logged = LoggedSource.of(jdbc, version);
		long now = System.currentTimeMillis();
		int number = jdbc.sql("UPDATE mlops.registered_models SET last_version = last_version + 1, "
				+ "last_updated_time = :now WHERE id = :id RETURNING last_version")
			.param("now", now)
			.param("id", id)
			.query(Integer.class)
			.single();
		jdbc.sql("INSERT INTO mlops.model_versions (model_id, version, creation_time, last_updated_time, user_id, "
				+ "description, source, run_id, run_link, logged_model_id, storage_location) VALUES (:id, :version, "
				+ ":now, :now, :user, :description, :source, :run, :link, :logged, :storage)")
			.param("id", id)
			.param("version", number)
			.param("now", now)
			.param("user", version.userId())
			.param("description", version.description() == null ? "" : version.description())
			.param("source", version.source())
			.param("run", logged.runId())
			.param("logged", logged.modelId())
			.param("storage", logged.storageLocation())
			.param("link", version.runLink() == null || version.runLink().isEmpty() ? null : version.runLink())
			.update();
		for (Tag tag : version.tags()) {
			putVersionTag(id, number, tag);
		}
		events.publishEvent(new ModelVersionRegistered(version.name(), Integer.toString(number)));
		return getVersion(version.name(), Integer.toString(number));
	}

	@Override
	@Transactional(readOnly = true)
	public ModelVersion getVersion(String name, String version) {
		long id = modelId(name);
		int number = versionRow(name, id, version);
		return jdbc.sql(RegistryRows.VERSIONS + " WHERE v.model_id = :id AND v.version = :version")
			.param("id", id)
			.param("version", number)
			.query(rows::version)
			.single();
	}

	@Override
	public ModelVersion updateVersion(String name, String version, @Nullable String description) {
		long id = modelId(name);
		int number = versionRow(name, id, version);
		MlflowLimits.requireText("Description", description);
		if (description != null) {
			jdbc.sql("UPDATE mlops.model_versions SET description = :description, last_updated_time = :now "
					+ "WHERE model_id = :id AND version = :version")
				.param("description", description)
				.param("now", System.currentTimeMillis())
				.param("id", id)
				.param("version", number)
				.update();
		}
		return getVersion(name, version);
	}

	@Override
	public void deleteVersion(String name, String version) {
		long id = modelId(name);
		int number = versionRow(name, id, version);
		jdbc.sql("DELETE FROM mlops.model_versions WHERE model_id = :id AND version = :version")
			.param("id", id)
			.param("version", number)
			.update();
		touchModel(id);
		events.publishEvent(new ModelVersionDeleted(name, Integer.toString(number)));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ModelVersion> searchVersions(RegistrySearch search) {
		if (search.maxResults() < 1 || search.maxResults() > 200_000) {
			throw TrackingError.invalid("Invalid value for request parameter max_results. It must be at most "
					+ "200000, but got value " + search.maxResults());
		}
		int limit = (int) search.maxResults();
		int offset = PageTokens.offset(search.pageToken());
		RegistryFilter sql = RegistryFilter
			.parse(search.filter(), VERSION_COLUMNS, "EXISTS (SELECT 1 FROM mlops.model_version_tags t "
					+ "WHERE t.model_id = v.model_id AND t.version = v.version AND %s)")
			.orderBy(search.orderBy(), List.of("v.last_updated_time DESC", "m.name ASC", "v.version DESC"));
		List<ModelVersion> found = jdbc
			.sql(RegistryRows.VERSIONS + " WHERE " + sql.where + " ORDER BY " + String.join(", ", sql.orderBy)
					+ " LIMIT " + (limit + 1) + " OFFSET " + offset)
			.params(sql.params)
			.query(rows::version)
			.list();
		if (found.size() > limit) {
			return new Page<>(found.subList(0, limit), PageTokens.of(offset + limit));
		}
		return new Page<>(found, null);
	}

	@Override
	public ModelVersion transitionStage(String name, String version, String stage, boolean archiveExisting) {
		long id = modelId(name);
		int number = versionRow(name, id, version);
		ModelStage target = RegistryRules.transitionTarget(stage, archiveExisting);
		long now = System.currentTimeMillis();
		if (archiveExisting) {
			jdbc.sql("UPDATE mlops.model_versions SET current_stage = 'Archived', last_updated_time = :now "
					+ "WHERE model_id = :id AND version <> :version AND current_stage = :stage")
				.param("now", now)
				.param("id", id)
				.param("version", number)
				.param("stage", target.label())
				.update();
		}
		jdbc.sql("UPDATE mlops.model_versions SET current_stage = :stage, last_updated_time = :now "
				+ "WHERE model_id = :id AND version = :version")
			.param("stage", target.label())
			.param("now", now)
			.param("id", id)
			.param("version", number)
			.update();
		touchModel(id);
		return getVersion(name, version);
	}

	@Override
	@Transactional(readOnly = true)
	public String downloadUri(String name, String version) {
		return getVersion(name, version).storageLocation();
	}

	@Override
	public void setVersionTag(String name, String version, Tag tag) {
		long id = modelId(name);
		putVersionTag(id, versionRow(name, id, version), tag);
	}

	@Override
	public void deleteVersionTag(String name, String version, String key) {
		long id = modelId(name);
		// as MLflow's SQL store: deleting a tag the version does not have is fine
		jdbc.sql("DELETE FROM mlops.model_version_tags WHERE model_id = :id AND version = :version AND key = :key")
			.param("id", id)
			.param("version", versionRow(name, id, version))
			.param("key", key)
			.update();
	}

	/** A model's id; an unknown name is RESOURCE_DOES_NOT_EXIST. */
	protected long modelId(String name) {
		Long id = findModel(name);
		if (id == null) {
			throw TrackingError.notFound("Registered Model with name=" + name + " not found");
		}
		return id;
	}

	protected @Nullable Long findModel(String name) {
		return jdbc.sql("SELECT id FROM mlops.registered_models WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** A version's number, checked to exist; one that is not an integer is INVALID_PARAMETER_VALUE. */
	protected int versionRow(String name, long modelId, String version) {
		int number = RegistryRules.versionNumber(version);
		boolean found = jdbc.sql("SELECT count(*) FROM mlops.model_versions WHERE model_id = :id AND version = :version")
			.param("id", modelId)
			.param("version", number)
			.query(Long.class)
			.single() > 0;
		if (!found) {
			throw TrackingError.notFound("Model Version (name=" + name + ", version=" + version + ") not found");
		}
		return number;
	}

	protected static void requireTag(Tag tag) {
		MlflowLimits.requireKey(tag.key());
		MlflowLimits.requireText("Tag value", tag.value());
	}

	private void putVersionTag(long id, int version, Tag tag) {
		requireTag(tag);
		jdbc.sql("INSERT INTO mlops.model_version_tags (model_id, version, key, value) VALUES (:id, :version, :key, "
				+ ":value) ON CONFLICT (model_id, version, key) DO UPDATE SET value = excluded.value")
			.param("id", id)
			.param("version", version)
			.param("key", tag.key())
			.param("value", tag.value())
			.update();
	}

	private void touchModel(long id) {
		jdbc.sql("UPDATE mlops.registered_models SET last_updated_time = :now WHERE id = :id")
			.param("now", System.currentTimeMillis())
			.param("id", id)
			.update();
	}

}
