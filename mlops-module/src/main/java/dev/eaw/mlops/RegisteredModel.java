package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A registered model as MLflow shows it: its latest version per stage, its tags and its aliases; {@code userId} is
 * who registered it (null when unknown).
 */
public record RegisteredModel(String name, long creationTimestamp, long lastUpdatedTimestamp, @Nullable String userId,
		String description, List<ModelVersion> latestVersions, List<Tag> tags, List<ModelAlias> aliases) {
}
