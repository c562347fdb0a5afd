package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A dataset a run used, as MLflow's {@code DatasetInput}: the dataset's name, digest, source type and source (schema
 * and profile optional) with the input's tags (e.g. {@code mlflow.data.context = training}).
 */
public record DatasetInput(String name, String digest, String sourceType, String source, @Nullable String schema,
		@Nullable String profile, List<Tag> tags) {
}
