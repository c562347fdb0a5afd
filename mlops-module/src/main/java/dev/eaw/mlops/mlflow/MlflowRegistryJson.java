package dev.eaw.mlops.mlflow;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import dev.eaw.mlops.ModelAlias;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.RegisteredModel;
import dev.eaw.mlops.Tag;

/**
 * Registry objects and answers as MLflow's server writes them: snake_case names, versions as strings, timestamps as
 * JSON numbers, empty lists and unset fields left out, aliases as {@code {alias, version}} on a model and as plain
 * strings on a version.
 */
final class MlflowRegistryJson {

	private MlflowRegistryJson() {
	}

	@MlflowWire
	record RegisteredModelJson(String name, long creationTimestamp, long lastUpdatedTimestamp, @Nullable String userId,
			String description, @JsonInclude(Include.NON_EMPTY) List<ModelVersionJson> latestVersions,
			@JsonInclude(Include.NON_EMPTY) List<Tag> tags, @JsonInclude(Include.NON_EMPTY) List<ModelAlias> aliases) {

		static RegisteredModelJson of(RegisteredModel model) {
			return new RegisteredModelJson(model.name(), model.creationTimestamp(), model.lastUpdatedTimestamp(),
					model.userId(), model.description(), versions(model.latestVersions()), model.tags(),
					model.aliases());
		}

	}

	@MlflowWire
	record ModelVersionJson(String name, String version, long creationTimestamp, long lastUpdatedTimestamp,
			@Nullable String userId, String currentStage, String description, String source, @Nullable String runId,
			String status, @Nullable String statusMessage, @JsonInclude(Include.NON_EMPTY) List<Tag> tags,
			@Nullable String runLink, @JsonInclude(Include.NON_EMPTY) List<String> aliases, @Nullable String modelId) {

		static ModelVersionJson of(ModelVersion version) {
			return new ModelVersionJson(version.name(), version.version(), version.creationTimestamp(),
					version.lastUpdatedTimestamp(), version.userId(), version.currentStage(), version.description(),
					version.source(), version.runId(), version.status(), version.statusMessage(), version.tags(),
					version.runLink(), version.aliases(), version.modelId());
		}

	}

	@MlflowWire
	record OneModel(RegisteredModelJson registeredModel) {

		static OneModel of(RegisteredModel model) {
			return new OneModel(RegisteredModelJson.of(model));
		}

	}

	@MlflowWire
	record OneVersion(ModelVersionJson modelVersion) {

		static OneVersion of(ModelVersion version) {
			return new OneVersion(ModelVersionJson.of(version));
		}

	}

	@MlflowWire
	record RegisteredModels(@JsonInclude(Include.NON_EMPTY) List<RegisteredModelJson> registeredModels,
			@Nullable String nextPageToken) {

		static RegisteredModels of(Page<RegisteredModel> page) {
			return new RegisteredModels(page.items().stream().map(RegisteredModelJson::of).toList(),
					page.nextPageToken());
		}

	}

	@MlflowWire
	record ModelVersions(@JsonInclude(Include.NON_EMPTY) List<ModelVersionJson> modelVersions,
			@Nullable String nextPageToken) {

		static ModelVersions of(Page<ModelVersion> page) {
			return new ModelVersions(versions(page.items()), page.nextPageToken());
		}

	}

	@MlflowWire
	record DownloadUri(String artifactUri) {
	}

	private static List<ModelVersionJson> versions(List<ModelVersion> versions) {
		return versions.stream().map(ModelVersionJson::of).toList();
	}

}
