package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code POST logged-models} carries (MLflow 3's {@code CreateLoggedModel}): the experiment (required), a name
 * (generated when absent, as MLflow does), the model type, the run that made it, and its params and tags.
 */
public record NewLoggedModel(String experimentId, @Nullable String name, @Nullable String modelType,
		@Nullable String sourceRunId, List<Param> params, List<Tag> tags) {
}
