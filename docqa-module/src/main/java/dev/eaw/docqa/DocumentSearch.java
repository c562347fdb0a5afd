package dev.eaw.docqa;

import java.util.List;

/**
 * Searching a collection's ready documents: BM25, dense (cosine over the embeddings) or hybrid, where both lists
 * are fused by a convex combination of min-max-normalised scores or by reciprocal rank fusion
 * ({@code eaw.docqa.fusion}).
 */
public interface DocumentSearch {

	/**
	 * The best chunks first, with a notice when the search was degraded: a hybrid search while the vector store is
	 * not reachable is made with BM25 alone; a dense one throws {@link VectorStoreUnavailable}.
	 */
	SearchResult find(String collection, SearchQuery query);

	/** The best chunks first. */
	default List<SearchHit> search(String collection, SearchQuery query) {
		return find(collection, query).hits();
	}

}
