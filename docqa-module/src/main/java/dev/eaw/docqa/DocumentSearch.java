package dev.eaw.docqa;

import java.util.List;

/**
 * Searching a collection's ready documents: BM25, dense (cosine over the embeddings) or hybrid, where both lists
 * are fused by a convex combination of min-max-normalised scores or by reciprocal rank fusion
 * ({@code eaw.docqa.fusion}).
 */
public interface DocumentSearch {

	/** The best chunks first. */
	List<SearchHit> search(String collection, SearchQuery query);

}
