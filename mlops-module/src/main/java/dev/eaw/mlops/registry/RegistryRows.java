package dev.eaw.mlops.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.ModelAlias;
import dev.eaw.mlops.ModelStage;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.RegisteredModel;
import dev.eaw.mlops.Tag;

/** Reads registered models and model versions with what hangs off them: tags, aliases, latest versions. */
final class RegistryRows {

	/** Versions with their model's name; callers add WHERE and ORDER BY. */
	static final String VERSIONS = "SELECT m.name, v.* FROM mlops.model_versions v "
			+ "JOIN mlops.registered_models m ON m.id = v.model_id";

	private final JdbcClient jdbc;

	RegistryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RegisteredModel model(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		List<Tag> tags = jdbc.sql("SELECT key, value FROM mlops.registered_model_tags WHERE model_id = :id ORDER BY key")
			.param("id", id)
			.query((r, i) -> new Tag(r.getString("key"), r.getString("value")))
			.list();
		List<ModelAlias> aliases = jdbc
			.sql("SELECT alias, version FROM mlops.registered_model_aliases WHERE model_id = :id ORDER BY alias")
			.param("id", id)
			.query((r, i) -> new ModelAlias(r.getString("alias"), Integer.toString(r.getInt("version"))))
			.list();
		return new RegisteredModel(rs.getString("name"), rs.getLong("creation_time"), rs.getLong("last_updated_time"),
				rs.getString("user_id"), rs.getString("description"), latest(id, List.of()), tags, aliases);
	}

	ModelVersion version(ResultSet rs, int row) throws SQLException {
		long modelId = rs.getLong("model_id");
		int version = rs.getInt("version");
		Map<String, Object> key = Map.of("id", modelId, "version", version);
		List<Tag> tags = jdbc
			.sql("SELECT key, value FROM mlops.model_version_tags WHERE model_id = :id AND version = :version ORDER BY key")
			.params(key)
			.query((r, i) -> new Tag(r.getString("key"), r.getString("value")))
			.list();
		List<String> aliases = jdbc.sql("SELECT alias FROM mlops.registered_model_aliases "
				+ "WHERE model_id = :id AND version = :version ORDER BY alias")
			.params(key)
			.query(String.class)
			.list();
		return new ModelVersion(rs.getString("name"), Integer.toString(version), rs.getLong("creation_time"),
				rs.getLong("last_updated_time"), rs.getString("user_id"), rs.getString("current_stage"),
				rs.getString("description"), rs.getString("source"), rs.getString("run_id"), rs.getString("status"),
				rs.getString("status_message"), tags, rs.getString("run_link"), aliases, rs.getString("logged_model_id"),
				rs.getString("storage_location") != null ? rs.getString("storage_location") : rs.getString("source"));
	}

	/** The newest version in each stage, in the order of {@code stages} (all stages, None first, when empty). */
	List<ModelVersion> latest(long modelId, List<ModelStage> stages) {
		List<ModelVersion> newest = jdbc
			.sql("SELECT DISTINCT ON (v.current_stage) m.name, v.* FROM mlops.model_versions v "
					+ "JOIN mlops.registered_models m ON m.id = v.model_id WHERE v.model_id = :id "
					+ "ORDER BY v.current_stage, v.version DESC")
			.param("id", modelId)
			.query(this::version)
			.list();
		List<ModelVersion> ordered = new ArrayList<>();
		for (ModelStage stage : stages.isEmpty() ? List.of(ModelStage.values()) : stages) {
			newest.stream().filter(v -> v.currentStage().equals(stage.label())).forEach(ordered::add);
		}
		return ordered;
	}

}
