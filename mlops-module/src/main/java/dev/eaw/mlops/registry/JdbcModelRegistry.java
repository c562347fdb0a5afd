package dev.eaw.mlops.registry;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.mlops.AliasMoveCheck;
import dev.eaw.mlops.ModelAliasDeleted;
import dev.eaw.mlops.ModelAliasSet;
import dev.eaw.mlops.ModelStage;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.NewModelVersion;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.RegisteredModel;
import dev.eaw.mlops.RegisteredModelRemoved;
import dev.eaw.mlops.RegistrySearch;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.tracking.MlflowLimits;
import dev.eaw.mlops.tracking.PageTokens;

/**
 * The model registry in {@code mlops.registered_models} and its tag and alias tables; versions are handled by
 * {@link JdbcModelVersions}, which this delegates to.
 */
@Service
@Transactional
class JdbcModelRegistry extends JdbcModelVersions {

	private static final Map<String, String> MODEL_COLUMNS = Map.of("name", "m.name", "creation_timestamp",
			"m.creation_time", "last_updated_timestamp", "m.last_updated_time");

	/** Asked lazily: serving, which implements it, reads this registry. */
	private final ObjectProvider<AliasMoveCheck> moveChecks;

	JdbcModelRegistry(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<AliasMoveCheck> moveChecks) {
		super(jdbc, events);
		this.moveChecks = moveChecks;
	}

	@Override
	public RegisteredModel createModel(String name, List<Tag> tags, @Nullable String description,
			@Nullable String userId) {
		RegistryRules.requireModelName(name);
		MlflowLimits.requireText("Description", description);
		MlflowLimits.requireText("User id", userId, MlflowLimits.NAME);
		if (findModel(name) != null) {
			throw exists(name);
		}
		long now = System.currentTimeMillis();
		long id;
		try {
			id = jdbc.sql("INSERT INTO mlops.registered_models (name, creation_time, last_updated_time, user_id, "
					+ "description) VALUES (:name, :now, :now, :user, :description) RETURNING id")
				.param("name", name)
				.param("now", now)
				.param("user", userId)
				.param("description", description == null ? "" : description)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw exists(name);
		}
		for (Tag tag : tags) {
			putModelTag(id, tag);
		}
		return getModel(name);
	}

	@Override
	@Transactional(readOnly = true)
	public RegisteredModel getModel(String name) {
		return jdbc.sql("SELECT m.* FROM mlops.registered_models m WHERE m.id = :id")
			.param("id", modelId(name))
			.query(rows::model)
			.single();
	}

	@Override
	public RegisteredModel renameModel(String name, String newName) {
		long id = modelId(name);
		RegistryRules.requireModelName(newName);
		Long other = findModel(newName);
		if (other != null && other != id) {
			throw exists(newName);
		}
		jdbc.sql("UPDATE mlops.registered_models SET name = :name, last_updated_time = :now WHERE id = :id")
			.param("name", newName)
			.param("now", System.currentTimeMillis())
			.param("id", id)
			.update();
		if (!newName.equals(name)) {
			events.publishEvent(new RegisteredModelRemoved(name));
		}
		return getModel(newName);
	}

	@Override
	public RegisteredModel updateModel(String name, @Nullable String description) {
		long id = modelId(name);
		MlflowLimits.requireText("Description", description);
		if (description != null) {
			jdbc.sql("UPDATE mlops.registered_models SET description = :description, last_updated_time = :now "
					+ "WHERE id = :id")
				.param("description", description)
				.param("now", System.currentTimeMillis())
				.param("id", id)
				.update();
		}
		return getModel(name);
	}

	@Override
	public void deleteModel(String name) {
		jdbc.sql("DELETE FROM mlops.registered_models WHERE id = :id").param("id", modelId(name)).update();
		events.publishEvent(new RegisteredModelRemoved(name));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<RegisteredModel> searchModels(RegistrySearch search) {
		if (search.maxResults() < 1 || search.maxResults() > 1000) {
			throw TrackingError.invalid("Invalid value for request parameter max_results. It must be at most 1000, "
					+ "but got value " + search.maxResults());
		}
		int limit = (int) search.maxResults();
		int offset = PageTokens.offset(search.pageToken());
		RegistryFilter sql = RegistryFilter
			.parse(search.filter(), MODEL_COLUMNS,
					"EXISTS (SELECT 1 FROM mlops.registered_model_tags t WHERE t.model_id = m.id AND %s)")
			.orderBy(search.orderBy(), List.of("m.name ASC"));
		List<RegisteredModel> found = jdbc
			.sql("SELECT m.* FROM mlops.registered_models m WHERE " + sql.where + " ORDER BY "
					+ String.join(", ", sql.orderBy) + " LIMIT " + (limit + 1) + " OFFSET " + offset)
			.params(sql.params)
			.query(rows::model)
			.list();
		if (found.size() > limit) {
			return new Page<>(found.subList(0, limit), PageTokens.of(offset + limit));
		}
		return new Page<>(found, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ModelVersion> latestVersions(String name, List<String> stages) {
		long id = modelId(name);
		return rows.latest(id, stages.stream().map(ModelStage::of).distinct().toList());
	}

	@Override
	public void setModelTag(String name, Tag tag) {
		putModelTag(modelId(name), tag);
	}

	@Override
	public void deleteModelTag(String name, String key) {
		// as MLflow's SQL store: deleting a tag the model does not have is fine
		jdbc.sql("DELETE FROM mlops.registered_model_tags WHERE model_id = :id AND key = :key")
			.param("id", modelId(name))
			.param("key", key)
			.update();
	}

	/**
	 * Checks the alias and version, lets the {@link AliasMoveCheck} (serving) load the version or refuse the move, and
	 * only then writes; {@link ModelAliasSet} reaches listeners after the commit.
	 */
	@Override
	public void setAlias(String name, String alias, String version) {
		RegistryRules.requireAlias(alias);
		long id = modelId(name);
		int number = versionRow(name, id, version);
		Integer current = aliasVersion(id, alias);
		if (current == null || current != number) {
			AliasMoveCheck check = moveChecks.getIfAvailable();
			if (check != null) {
				check.beforeMove(name, alias, current == null ? null : current.toString(), Integer.toString(number));
			}
		}
		jdbc.sql("INSERT INTO mlops.registered_model_aliases (model_id, alias, version) VALUES (:id, :alias, :version) "
				+ "ON CONFLICT (model_id, alias) DO UPDATE SET version = excluded.version")
			.param("id", id)
			.param("alias", alias)
			.param("version", number)
			.update();
		events.publishEvent(new ModelAliasSet(name, alias, Integer.toString(number)));
	}

	@Override
	public void deleteAlias(String name, String alias) {
		jdbc.sql("DELETE FROM mlops.registered_model_aliases WHERE model_id = :id AND alias = :alias")
			.param("id", modelId(name))
			.param("alias", alias)
			.update();
		events.publishEvent(new ModelAliasDeleted(name, alias));
	}

	@Override
	@Transactional(readOnly = true)
	public ModelVersion getByAlias(String name, String alias) {
		Integer version = aliasVersion(modelId(name), alias);
		if (version == null) {
			throw TrackingError.notFound("Registered model alias " + alias + " not found.");
		}
		return getVersion(name, Integer.toString(version));
	}

	private @Nullable Integer aliasVersion(long modelId, String alias) {
		return jdbc.sql("SELECT version FROM mlops.registered_model_aliases WHERE model_id = :id AND alias = :alias")
			.param("id", modelId)
			.param("alias", alias)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	private void putModelTag(long id, Tag tag) {
		requireTag(tag);
		jdbc.sql("INSERT INTO mlops.registered_model_tags (model_id, key, value) VALUES (:id, :key, :value) "
				+ "ON CONFLICT (model_id, key) DO UPDATE SET value = excluded.value")
			.param("id", id)
			.param("key", tag.key())
			.param("value", tag.value())
			.update();
	}

	private static TrackingError exists(String name) {
		return TrackingError.exists("Registered Model (name=" + name + ") already exists.");
	}

}
