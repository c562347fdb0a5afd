package dev.eaw.docqa;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search in one collection: the text, how many chunks to return, the retrievers, optional filters (one document,
 * one type such as {@code pdf}, documents uploaded from and to a date, inclusive, in UTC) and whether to diversify
 * the result with maximal marginal relevance.
 */
public record SearchQuery(String text, int k, SearchMode mode, @Nullable Long document, @Nullable String type,
		boolean mmr, @Nullable LocalDate from, @Nullable LocalDate to) {

	public SearchQuery(String text, int k, SearchMode mode, @Nullable Long document, @Nullable String type,
			boolean mmr) {
		this(text, k, mode, document, type, mmr, null, null);
	}

	public static SearchQuery hybrid(String text, int k) {
		return new SearchQuery(text, k, SearchMode.HYBRID, null, null, false);
	}

}
