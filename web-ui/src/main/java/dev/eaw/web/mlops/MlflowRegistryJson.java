package dev.eaw.web.mlops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.RegisteredModel;

/**
 * Writes registry objects as MLflow's server does: snake_case names, versions as strings, timestamps as JSON
 * numbers, empty lists and unset fields left out, aliases as {@code {alias, version}} on a model and as plain
 * strings on a version.
 */
final class MlflowRegistryJson {

	private MlflowRegistryJson() {
	}

	static Map<String, Object> model(RegisteredModel model) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", model.name());
		json.put("creation_timestamp", model.creationTimestamp());
		json.put("last_updated_timestamp", model.lastUpdatedTimestamp());
		put(json, "user_id", model.userId());
		json.put("description", model.description());
		MlflowJson.list(json, "latest_versions", model.latestVersions(), MlflowRegistryJson::version);
		MlflowJson.list(json, "tags", model.tags(), tag -> Map.of("key", tag.key(), "value", tag.value()));
		MlflowJson.list(json, "aliases", model.aliases(),
				alias -> Map.of("alias", alias.alias(), "version", alias.version()));
		return json;
	}

	static Map<String, Object> version(ModelVersion version) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", version.name());
		json.put("version", version.version());
		json.put("creation_timestamp", version.creationTimestamp());
		json.put("last_updated_timestamp", version.lastUpdatedTimestamp());
		put(json, "user_id", version.userId());
		json.put("current_stage", version.currentStage());
		json.put("description", version.description());
		json.put("source", version.source());
		put(json, "run_id", version.runId());
		json.put("status", version.status());
		put(json, "status_message", version.statusMessage());
		MlflowJson.list(json, "tags", version.tags(), tag -> Map.of("key", tag.key(), "value", tag.value()));
		put(json, "run_link", version.runLink());
		if (!version.aliases().isEmpty()) {
			json.put("aliases", version.aliases());
		}
		put(json, "model_id", version.modelId());
		return json;
	}

	private static void put(Map<String, Object> json, String field, @Nullable Object value) {
		if (value != null) {
			json.put(field, value);
		}
	}

}
