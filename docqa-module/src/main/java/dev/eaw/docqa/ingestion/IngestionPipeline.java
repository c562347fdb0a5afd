package dev.eaw.docqa.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import dev.eaw.docqa.Chunk;
import dev.eaw.docqa.Document;
import dev.eaw.docqa.DocumentIngested;
import dev.eaw.docqa.DocumentStatus;
import dev.eaw.docqa.VectorStoreUnavailable;
import dev.eaw.docqa.chunking.Chunker;
import dev.eaw.docqa.chunking.DraftChunk;
import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.embedding.Embedders;
import dev.eaw.docqa.extraction.ExtractedText;
import dev.eaw.docqa.extraction.Extractor;
import dev.eaw.docqa.extraction.FileType;
import dev.eaw.docqa.extraction.Refusal;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.jdbc.ChunkRows;
import dev.eaw.docqa.jdbc.DocumentRows;

/** Takes one document from its file to searchable chunks, writing status and progress as it goes. */
final class IngestionPipeline {

	private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

	private static final int BATCH = 16;

	private final DocumentRows documents;

	private final ChunkRows chunks;

	private final FileStore files;

	private final Extractor extractor;

	private final IngestionQueue queue;

	private final Embedders embedders;

	private final int chunkTokens;

	private final int chunkOverlap;

	private final Map<String, Chunker> chunkers = new ConcurrentHashMap<>();

	private final ChunkIndex index;

	private final ApplicationEventPublisher events;

	IngestionPipeline(DocumentRows documents, ChunkRows chunks, FileStore files, Embedders embedders,
			IngestionOptions options, ChunkIndex index, ApplicationEventPublisher events, IngestionQueue queue) {
		this.documents = documents;
		this.chunks = chunks;
		this.files = files;
		this.embedders = embedders;
		this.chunkTokens = options.chunkTokens();
		this.chunkOverlap = options.chunkOverlap();
		this.extractor = new Extractor(options.extraction(), options.ocr());
		this.queue = queue;
		this.index = index;
		this.events = events;
	}

	void ingest(long id) {
		DocumentRows.Row row = documents.find(id).orElse(null);
		if (row == null || row.document().status().done()) {
			return;
		}
		Document document = row.document();
		String model = row.embeddingModel();
		try {
			DocqaEmbedder embedder = embedders.of(model);
			Chunker chunker = chunkers.computeIfAbsent(model, m -> chunker(embedder, chunkTokens, chunkOverlap));
			documents.status(id, DocumentStatus.EXTRACTING, 0.05, null);
			FileType type = FileType.ofKey(document.type());
			ExtractedText text = queue.read(id, () -> extractor.extract(files.path(id), type));
			List<DraftChunk> drafts = chunker.chunk(text);
			step(id);
			List<Chunk> stored = chunks.replace(id, drafts);
			documents.extracted(id, text.text(), text.pages(), stored.size());
			if (!documents.status(id, DocumentStatus.EMBEDDING, 0.2, null)) {
				return;
			}
			List<ChunkIndex.Entry> entries = new ArrayList<>(stored.size());
			for (int from = 0; from < stored.size(); from += BATCH) {
				List<Chunk> batch = stored.subList(from, Math.min(stored.size(), from + BATCH));
				List<String> texts = batch.stream().map(c -> DraftChunk.embeddingText(c.heading(), c.text())).toList();
				List<float[]> vectors = embedder.embedAll(texts);
				for (int i = 0; i < batch.size(); i++) {
					entries.add(new ChunkIndex.Entry(batch.get(i).id(), id, row.collectionId(), document.type(),
							batch.get(i).page(), texts.get(i), vectors.get(i)));
				}
				documents.progress(id, 0.2 + 0.75 * Math.min(stored.size(), from + BATCH) / stored.size());
				step(id);
			}
			index.deleteDocument(id);
			index.add(entries);
			if (!documents.ready(id, model)) {
				index.deleteDocument(id); // deleted, or re-indexed with another model (queued again), meanwhile
				return;
			}
			log.info("Document {} ({}) ingested with {}: {} chunks", id, document.title(), model, stored.size());
			events.publishEvent(new DocumentIngested(document.collection(), id, document.title(), stored.size()));
		}
		catch (IngestionQueue.Stopped ex) {
			stopped(id);
		}
		catch (Refusal ex) {
			fail(id, ex.reason());
		}
		catch (VectorStoreUnavailable ex) {
			if (queue.stopped(id)) {
				stopped(id);
				return;
			}
			log.warn("Ingestion of document {} failed: {}", id, ex.getMessage());
			fail(id, VectorStoreUnavailable.DOCUMENT_REASON);
		}
		catch (Throwable ex) {
			if (queue.stopped(id)) { // the failure of work cut short by a stop or a delete
				log.info("Ingestion of document {} stopped", id, ex);
				stopped(id);
				return;
			}
			log.warn("Ingestion of document {} failed", id, ex);
			fail(id, ex instanceof OutOfMemoryError ? "The document needs more memory than the server has."
					: "Ingestion failed unexpectedly; the server log has the details.");
			if (ex instanceof VirtualMachineError error && !(ex instanceof OutOfMemoryError)) {
				throw error;
			}
		}
	}

	/** Ends the work here if the document was deleted or the app is stopping. */
	private void step(long id) {
		if (queue.stopped(id)) {
			throw new IngestionQueue.Stopped();
		}
	}

	/**
	 * Work cut short: a deleted document leaves nothing in the index; one stopped by a shutdown goes back to
	 * {@code queued} for the next start (if the database is gone already, the start finds it in its working state
	 * and queues it all the same).
	 */
	private void stopped(long id) {
		try {
			if (!queue.closing()) {
				log.info("Ingestion of document {} stopped: it was deleted", id);
				index.deleteDocument(id);
			}
			else if (documents.status(id, DocumentStatus.QUEUED, 0, null)) {
				log.info("Ingestion of document {} stopped by the shutdown; it resumes at the next start", id);
			}
		}
		catch (RuntimeException ex) {
			log.info("Document {} stays in its working state for the next start to resume", id, ex);
		}
	}

	/**
	 * A chunker whose chunks fit the model: at most {@code chunkTokens}, and some room under what the model reads
	 * (bge-small: 480 of 510; MiniLM: 110 of 126); the overlap at most a third of the budget.
	 */
	static Chunker chunker(DocqaEmbedder embedder, int chunkTokens, int chunkOverlap) {
		int max = embedder.maxTokens();
		int budget = Math.min(chunkTokens, max - (max > 200 ? 30 : 16));
		return new Chunker(embedder, budget, Math.min(chunkOverlap, budget / 3));
	}

	/**
	 * Marks the document failed without its chunks. Its vectors are removed where the index can (a vector store that
	 * does not answer keeps them: they are replaced when the document is ingested again, and searches leave out
	 * documents that are not ready), so a failure is always recorded.
	 */
	private void fail(long id, String reason) {
		try {
			index.deleteDocument(id);
		}
		catch (RuntimeException ex) {
			log.info("The vectors of failed document {} could not be removed: {}", id, ex.getMessage());
		}
		try {
			chunks.deleteOf(id);
			documents.status(id, DocumentStatus.FAILED, 1.0, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
		}
		catch (RuntimeException again) {
			log.warn("Could not mark document {} failed", id, again);
		}
	}

}
