package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A registry search: an MLflow filter ({@code name LIKE '%x%'}, {@code run_id = '…'}, {@code tags.k = 'v'} joined by
 * {@code AND}), order-by clauses ({@code name DESC}), a page size and the token of the page to continue from.
 */
public record RegistrySearch(@Nullable String filter, long maxResults, List<String> orderBy,
		@Nullable String pageToken) {
}
