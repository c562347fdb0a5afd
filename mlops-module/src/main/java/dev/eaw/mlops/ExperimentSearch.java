package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** An {@code experiments/search} request: filter on name and tags, order-by, page size and page token. */
public record ExperimentSearch(@Nullable String filter, ViewType viewType, long maxResults, List<String> orderBy,
		@Nullable String pageToken) {
}
