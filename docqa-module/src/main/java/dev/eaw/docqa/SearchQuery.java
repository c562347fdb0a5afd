package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

/**
 * A search in one collection: the text, how many chunks to return, the retrievers, optional filters (one document,
 * one type such as {@code pdf}) and whether to diversify the result with maximal marginal relevance.
 */
public record SearchQuery(String text, int k, SearchMode mode, @Nullable Long document, @Nullable String type,
		boolean mmr) {

	public static SearchQuery hybrid(String text, int k) {
		return new SearchQuery(text, k, SearchMode.HYBRID, null, null, false);
	}

}
