package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What {@code model-versions/create} carries; {@code userId} is the caller, null when unknown. */
public record NewModelVersion(String name, String source, @Nullable String runId, List<Tag> tags,
		@Nullable String runLink, @Nullable String description, @Nullable String userId) {
}
