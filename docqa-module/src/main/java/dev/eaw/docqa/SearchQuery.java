package dev.eaw.docqa;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A search in one collection: the text, how many chunks to return, the retrievers, which documents (see
 * {@link DocumentFilter}) and whether to diversify the result with maximal marginal relevance.
 */
public record SearchQuery(String text, int k, SearchMode mode, boolean mmr, DocumentFilter filter) {

	public SearchQuery(String text, int k, SearchMode mode, @Nullable Long document, @Nullable String type,
			boolean mmr) {
		this(text, k, mode, document, type, mmr, null, null);
	}

	public SearchQuery(String text, int k, SearchMode mode, @Nullable Long document, @Nullable String type,
			boolean mmr, @Nullable LocalDate from, @Nullable LocalDate to) {
		this(text, k, mode, mmr, DocumentFilter.of(document, type, from, to, Map.of()));
	}

	public static SearchQuery hybrid(String text, int k) {
		return new SearchQuery(text, k, SearchMode.HYBRID, null, null, false);
	}

}
