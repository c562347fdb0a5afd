package dev.eaw.docqa.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eaw.docqa.DocumentSearch;
import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.SearchMode;
import dev.eaw.docqa.SearchQuery;
import dev.eaw.docqa.SearchResult;
import dev.eaw.docqa.VectorStoreUnavailable;
import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.embedding.Embedders;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.jdbc.ChunkRows;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.kernel.InvalidInput;

/** BM25, dense or fused search over a collection's ready chunks (see the package notes). */
public final class HybridSearch implements DocumentSearch {

	private static final Logger log = LoggerFactory.getLogger(HybridSearch.class);

	/** How many candidates each retriever contributes before fusion. */
	public static final int DEPTH = 50;

	private final CollectionRows collections;

	private final ChunkRows chunks;

	private final ChunkIndex index;

	private final Embedders embedders;

	private final Fusion fusion;

	public HybridSearch(CollectionRows collections, ChunkRows chunks, ChunkIndex index, Embedders embedders,
			Fusion fusion) {
		this.collections = collections;
		this.chunks = chunks;
		this.index = index;
		this.embedders = embedders;
		this.fusion = fusion;
	}

	/** The embedder of the collection's model: queries must be embedded with it (never compare two models' vectors). */
	public DocqaEmbedder embedder(long collectionId) {
		return embedders.of(collections.model(collectionId));
	}

	/**
	 * How relevant each hit is to the query: the cosine similarity of their embeddings (the dense score where the dense
	 * retriever found the hit, else from the stored vector); a hit without a stored vector is left out.
	 */
	public Map<Long, Double> relevance(List<SearchHit> hits, float[] vector) {
		Map<Long, Double> relevance = new java.util.HashMap<>();
		List<Long> missing = new ArrayList<>();
		for (SearchHit hit : hits) {
			if (hit.denseScore() != null) {
				relevance.put(hit.chunkId(), hit.denseScore());
			}
			else {
				missing.add(hit.chunkId());
			}
		}
		if (!missing.isEmpty()) {
			index.vectors(missing).forEach((id, v) -> relevance.put(id, DocqaEmbedder.dot(vector, v)));
		}
		return relevance;
	}

	@Override
	public SearchResult find(String collection, SearchQuery query) {
		CollectionRows.Row row = collections.require(collection);
		long collectionId = row.id();
		if (query.text().isBlank()) {
			throw new InvalidInput("Give a search text: ?q=…");
		}
		if (query.k() < 1 || query.k() > 100) {
			throw new InvalidInput("k must lie between 1 and 100, not " + query.k() + ".");
		}
		return find(collectionId, query, query.mode() == SearchMode.BM25 ? null
				: embedders.of(row.collection().embeddingModel()).embed(query.text()));
	}

	/**
	 * The search with the query's embedding already computed (null for BM25 alone) with the collection's model, over
	 * the collection's ready documents only (a document being re-indexed with another model still has vectors of the
	 * old one).
	 */
	public List<SearchHit> search(long collectionId, SearchQuery query, float @Nullable [] vector) {
		return find(collectionId, query, vector).hits();
	}

	/**
	 * {@link #search(long, SearchQuery, float[])} with its notice: while the vector store is not reachable a hybrid
	 * search is made with BM25 alone (and without MMR, which needs the vectors), a dense one throws
	 * {@link VectorStoreUnavailable}.
	 */
	public SearchResult find(long collectionId, SearchQuery query, float @Nullable [] vector) {
		ChunkIndex.Filter filter = new ChunkIndex.Filter(collectionId, null, null,
				collections.readyDocuments(collectionId, query.filter()));
		int depth = Math.max(DEPTH, query.k() * 3);
		@Nullable String notice = null;
		List<Fusion.Fused> fused = switch (query.mode()) {
			case BM25 -> Fusion.single(index.searchText(query.text(), filter, depth), true);
			case DENSE -> Fusion.single(index.searchVector(vector, filter, depth), false);
			case HYBRID -> {
				List<ChunkIndex.Hit> text = index.searchText(query.text(), filter, depth);
				try {
					yield fusion.fuse(text, index.searchVector(vector, filter, depth));
				}
				catch (VectorStoreUnavailable ex) {
					log.warn("Hybrid search with BM25 alone: {}", ex.getMessage());
					notice = VectorStoreUnavailable.NOTICE;
					yield Fusion.single(text, true);
				}
			}
		};
		if (query.mmr() && notice == null) {
			List<Fusion.Fused> pool = fused.subList(0, Math.min(fused.size(), depth));
			try {
				fused = Mmr.rerank(pool, index.vectors(pool.stream().map(Fusion.Fused::chunkId).toList()), query.k(),
						Mmr.LAMBDA);
			}
			catch (VectorStoreUnavailable ex) {
				log.warn("Search without MMR: {}", ex.getMessage());
				notice = VectorStoreUnavailable.NOTICE;
			}
		}
		List<Fusion.Fused> top = fused.subList(0, Math.min(fused.size(), query.k() + 10));
		Map<Long, ChunkRows.Titled> rows = chunks.titled(top.stream().map(Fusion.Fused::chunkId).toList())
			.stream()
			.collect(Collectors.toMap(t -> t.chunk().id(), Function.identity()));
		List<SearchHit> hits = new ArrayList<>(query.k());
		for (Fusion.Fused f : top) {
			ChunkRows.Titled row = rows.get(f.chunkId());
			if (row == null) {
				continue; // deleted or being re-ingested since it was indexed
			}
			hits.add(new SearchHit(f.chunkId(), f.documentId(), row.title(), row.chunk().page(), row.chunk().heading(),
					row.chunk().text(), f.score(), f.bm25(), f.bm25Rank(), f.dense(), f.denseRank(), row.fileName()));
			if (hits.size() == query.k()) {
				break;
			}
		}
		return new SearchResult(hits, notice);
	}

}
