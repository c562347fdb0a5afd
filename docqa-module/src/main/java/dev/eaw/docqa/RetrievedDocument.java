package dev.eaw.docqa;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A retrieved chunk as {@code include_contexts: ["all_retrieved_documents"]} lists it (Azure's
 * {@code all_retrieved_documents}): the citation fields, the query it was found with, its place ({@code rank}, from 1)
 * and every score (fused, BM25 and dense with their ranks, and {@code relevance}, the cosine similarity of chunk and
 * query that strictness is checked against), and whether it was {@code used} with the {@code reason}:
 * {@code cited} or {@code not cited} (used), {@code below strictness threshold} or {@code not in top_n} (not used).
 */
public record RetrievedDocument(int rank, long documentId, String title, @Nullable Integer page, String content,
		String filepath, @Nullable String url, long chunkId, double score, @Nullable Double bm25Score,
		@Nullable Integer bm25Rank, @Nullable Double denseScore, @Nullable Integer denseRank,
		@Nullable Double relevance, boolean used, String reason,
		@JsonProperty("search_queries") List<String> searchQueries) {

	public static final String CITED = "cited";

	public static final String NOT_CITED = "not cited";

	public static final String BELOW_STRICTNESS = "below strictness threshold";

	public static final String NOT_IN_TOP_N = "not in top_n";

	/** The document's page in the app, the chunk highlighted. */
	static String url(String collection, long documentId, long chunkId) {
		return "/docqa/" + collection + "/documents/" + documentId + "?chunk=" + chunkId;
	}

	public RetrievedDocument(int rank, SearchHit hit, @Nullable Double relevance, boolean used, String reason,
			String query) {
		this(rank, hit.documentId(), hit.title(), hit.page(), hit.text(), hit.fileName(), null, hit.chunkId(),
				hit.score(), hit.bm25Score(), hit.bm25Rank(), hit.denseScore(), hit.denseRank(), relevance, used,
				reason, List.of(query));
	}

	@JsonProperty("chunk_id")
	public String azureChunkId() {
		return Long.toString(chunkId);
	}

	/** The same entry with another reason (after the answer: cited or not). */
	public RetrievedDocument because(String why) {
		return new RetrievedDocument(rank, documentId, title, page, content, filepath, url, chunkId, score, bm25Score,
				bm25Rank, denseScore, denseRank, relevance, used, why, searchQueries);
	}

	public RetrievedDocument in(String collection) {
		return new RetrievedDocument(rank, documentId, title, page, content, filepath, url(collection, documentId, chunkId),
				chunkId, score, bm25Score, bm25Rank, denseScore, denseRank, relevance, used, reason, searchQueries);
	}

}
