package dev.eaw.docqa;

/**
 * The vector store (a Chroma server) did not answer: refused, timed out, or a server error. Hybrid search and answers
 * go on with BM25 alone ({@code degraded}); dense search cannot, and says so (503 over HTTP); a document being indexed
 * fails with {@link #DOCUMENT_REASON} and is retried once the store answers again.
 */
public final class VectorStoreUnavailable extends RuntimeException {

	/** What users are told. */
	public static final String DETAIL = "The vector store is not reachable";

	/** The notice of a search or an answer made with BM25 alone. */
	public static final String NOTICE = "The vector store is not reachable; these results come from keyword (BM25) "
			+ "search alone.";

	/** The reason of a document that failed because of it; such documents are retried automatically. */
	public static final String DOCUMENT_REASON = "The vector store was not reachable; the document will be retried "
			+ "automatically.";

	public VectorStoreUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	public VectorStoreUnavailable(String message) {
		super(message);
	}

}
