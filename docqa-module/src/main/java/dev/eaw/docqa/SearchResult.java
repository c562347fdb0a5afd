package dev.eaw.docqa;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The hits of a search and, when it could not be made as asked, a {@code notice} saying why: a hybrid search made with
 * BM25 alone because the vector store was not reachable is {@link #degraded()}.
 */
public record SearchResult(List<SearchHit> hits, @Nullable String notice) {

	public boolean degraded() {
		return notice != null;
	}

}
