package dev.eaw.docqa.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Where chunks are indexed for BM25 and vector search. Changes are durable when a method returns. */
public interface ChunkIndex extends AutoCloseable {

	/**
	 * A chunk to index: the text is what BM25 sees, the vector is normalised; the page (PDFs) is kept as metadata where
	 * the store keeps metadata (Chroma).
	 */
	record Entry(long chunkId, long documentId, long collectionId, String type, @Nullable Integer page, String text,
			float[] vector) {

		public Entry(long chunkId, long documentId, long collectionId, String type, String text, float[] vector) {
			this(chunkId, documentId, collectionId, type, null, text, vector);
		}

	}

	/**
	 * Restricts a search to a collection and optionally one document, one type, or a set of documents (an empty set
	 * finds nothing).
	 */
	record Filter(long collectionId, @Nullable Long documentId, @Nullable String type,
			@Nullable Collection<Long> documentIds) {

		public Filter(long collectionId, @Nullable Long documentId, @Nullable String type) {
			this(collectionId, documentId, type, null);
		}

		public static Filter collection(long collectionId) {
			return new Filter(collectionId, null, null);
		}

	}

	/** A found chunk and its retriever's score (BM25, or the cosine similarity for vectors). */
	record Hit(long chunkId, long documentId, double score) {
	}

	/**
	 * Null when the index can be used, else why not (a vector store that does not answer). Calls that need the vector
	 * store throw {@link dev.eaw.docqa.VectorStoreUnavailable} while it does not answer.
	 */
	default @Nullable String unavailable() {
		return null;
	}

	/** Adds (or replaces) chunks. */
	void add(List<Entry> entries);

	void deleteDocument(long documentId);

	void deleteCollection(long collectionId);

	/** The best {@code n} chunks by BM25, best first. */
	List<Hit> searchText(String query, Filter filter, int n);

	/** The {@code n} nearest chunks by cosine similarity, nearest first. */
	List<Hit> searchVector(float[] vector, Filter filter, int n);

	/** The stored vectors of some chunks (those found). */
	Map<Long, float[]> vectors(Collection<Long> chunkIds);

	/**
	 * The analysed terms of a text with their inverse document frequency in the index ({@code log(1 + (N - n + 0.5)
	 * / (n + 0.5))}, as BM25 weighs them).
	 */
	Map<String, Double> termWeights(String text);

	/** The analysed terms of a text (stemmed, stop words removed). */
	List<String> terms(String text);

	/** How many chunks a document has in the index. */
	int count(long documentId);

	@Override
	void close();

}
