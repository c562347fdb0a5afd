package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code logged-models/search} request (MLflow 3's {@code SearchLoggedModels}): experiments, a filter over
 * {@code metrics.*}, {@code params.*}, {@code tags.*} and attributes ({@code name}, {@code model_type},
 * {@code status}, {@code source_run_id}, {@code creation_timestamp}, …), the datasets metric comparisons count on,
 * order-by fields, a page size (MLflow's default 50) and a page token.
 */
public record LoggedModelSearch(List<String> experimentIds, @Nullable String filter, List<Dataset> datasets,
		int maxResults, List<OrderBy> orderBy, @Nullable String pageToken) {

	/** A dataset metric comparisons and orderings are restricted to; the digest is optional. */
	public record Dataset(String name, @Nullable String digest) {
	}

	/** An order-by field ({@code metrics.acc}, {@code creation_timestamp}, …), optionally on one dataset's metrics. */
	public record OrderBy(String fieldName, boolean ascending, @Nullable String datasetName,
			@Nullable String datasetDigest) {
	}

}
