package dev.eaw.docqa;

import java.util.List;
import java.util.Map;

/**
 * Uploading documents into a collection and following their ingestion, which runs in the background: each file is
 * checked at once (empty, too large, a type that is not PDF, DOCX, HTML, Markdown or text, nor a PNG, JPEG or TIFF
 * image where OCR is available: refused with a reason),
 * identical bytes already in the collection are reported as a duplicate, and the rest are queued; more files in one
 * upload than allowed is {@link dev.eaw.kernel.InvalidInput}. Extraction, chunking, embedding and indexing then happen
 * one document at a time; a failing document is marked failed with a plain reason and never affects another: a DOCX
 * that unpacks past the limits is refused before it is parsed, and reading a file is abandoned past the time limit
 * so the next document goes on. Deleting a document stops its ingestion; a shutdown leaves the document being worked
 * on to the next start, which resumes every document not yet ready or failed.
 */
public interface DocumentIngestion {

	/** One outcome per file, in the order given. */
	default List<UploadOutcome> upload(String collection, List<IncomingFile> files, String user) {
		return upload(collection, files, Map.of(), user);
	}

	/**
	 * The upload with metadata given to every new document (see {@link DocumentMetadata}; a duplicate keeps its own);
	 * metadata that breaks the rules is {@link dev.eaw.kernel.InvalidInput} before anything is stored.
	 */
	List<UploadOutcome> upload(String collection, List<IncomingFile> files, Map<String, String> metadata, String user);

	/** Replaces the document's metadata; returns the document. */
	Document metadata(String collection, long id, Map<String, String> metadata, String user);

	/** The collection's documents, newest first. */
	List<Document> documents(String collection);

	Document document(String collection, long id);

	/** The document with a page of its chunks in order. */
	DocumentDetail detail(String collection, long id, int offset, int limit);

	/** The original file. */
	DocumentFile file(String collection, long id);

	/**
	 * Re-indexes the collection with another embedding model (one of {@code bge-small-en-v1.5-q},
	 * {@code all-minilm-l6-v2-q}; an unknown one is {@link dev.eaw.kernel.InvalidInput}): the collection records the
	 * model, and every document but the failed ones is queued again and re-chunked to the model's token budget,
	 * re-embedded and re-indexed in the background, its old chunks and vectors replaced. Until a document is ready again
	 * it is left out of searches. Returns how many documents were queued.
	 */
	int reindex(String collection, String model, String user);

	/**
	 * Queues a failed document again (from its kept file); a document that is not failed is
	 * {@link dev.eaw.kernel.Conflict}. Documents that failed because the vector store was not reachable are also
	 * retried automatically once it answers again, and uploading a failed document's bytes again retries it.
	 */
	void retry(String collection, long id, String user);

	/** Deletes the document, its chunks, its vectors and its file. */
	void delete(String collection, long id, String user);

}
