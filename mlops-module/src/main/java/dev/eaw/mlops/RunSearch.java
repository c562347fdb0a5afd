package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code runs/search} request: experiments, an MLflow filter ({@code metrics.acc > 0.5 AND params.p = 'v'}),
 * order-by clauses ({@code metrics.acc DESC}), a page size and the token of the page to continue from.
 */
public record RunSearch(List<String> experimentIds, @Nullable String filter, ViewType viewType, int maxResults,
		List<String> orderBy, @Nullable String pageToken) {
}
