package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

/**
 * A chunk found by a search, with its final {@code score} and what each retriever gave it: BM25 score and rank (1 =
 * best) and the dense cosine similarity and rank, {@code null} where that retriever did not return it; {@code fileName}
 * is the document's file name as uploaded.
 */
public record SearchHit(long chunkId, long documentId, String title, @Nullable Integer page, String heading,
		String text, double score, @Nullable Double bm25Score, @Nullable Integer bm25Rank,
		@Nullable Double denseScore, @Nullable Integer denseRank, String fileName) {

	/** A hit whose file name is its title. */
	public SearchHit(long chunkId, long documentId, String title, @Nullable Integer page, String heading, String text,
			double score, @Nullable Double bm25Score, @Nullable Integer bm25Rank, @Nullable Double denseScore,
			@Nullable Integer denseRank) {
		this(chunkId, documentId, title, page, heading, text, score, bm25Score, bm25Rank, denseScore, denseRank, title);
	}

}
