package dev.eaw.docqa.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;

import dev.eaw.docqa.Document;
import dev.eaw.docqa.DocumentDeleted;
import dev.eaw.docqa.DocumentDetail;
import dev.eaw.docqa.DocumentFile;
import dev.eaw.docqa.DocumentIngestion;
import dev.eaw.docqa.DocumentMetadata;
import dev.eaw.docqa.IncomingFile;
import dev.eaw.docqa.UploadOutcome;
import dev.eaw.docqa.VectorStoreUnavailable;
import dev.eaw.docqa.embedding.Embedders;
import dev.eaw.docqa.extraction.FileType;
import dev.eaw.docqa.extraction.Refusal;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.jdbc.ChunkRows;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.docqa.jdbc.DocumentRows;
import dev.eaw.kernel.Conflict;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;

/** Uploads checked at once and ingested one document at a time on a background thread (see the package notes). */
public final class BackgroundIngestion implements DocumentIngestion, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BackgroundIngestion.class);

	private final CollectionCatalogue collections;

	private final DocumentRows documents;

	private final ChunkRows chunks;

	private final FileStore files;

	private final ChunkIndex index;

	private final IngestionPipeline pipeline;

	private final Embedders embedders;

	private final ApplicationEventPublisher events;

	private final long maxFile;

	private final int maxFiles;

	private final IngestionQueue queue;

	private final boolean images;

	private final OutageRetries retries;

	public BackgroundIngestion(CollectionCatalogue collections, DocumentRows documents, ChunkRows chunks,
			FileStore files, Embedders embedders, ChunkIndex index, ApplicationEventPublisher events,
			IngestionQueue queue, IngestionOptions options) {
		this.collections = collections;
		this.documents = documents;
		this.chunks = chunks;
		this.files = files;
		this.index = index;
		this.events = events;
		this.maxFile = options.maxFile();
		this.maxFiles = options.maxFilesPerUpload();
		this.images = options.ocr().enabled();
		this.embedders = embedders;
		this.queue = queue;
		this.retries = new OutageRetries(index, documents, this::enqueue);
		this.pipeline = new IngestionPipeline(documents, chunks, files, embedders, options, index, events, queue);
	}

	/**
	 * At start: every document not done is ingested again from the start. That is the ones still {@code queued}, and
	 * those a stop left {@code extracting} or {@code embedding} (a shutdown puts its current document back to
	 * {@code queued} when it can; a kill or a crash cannot), which go back to {@code queued} first. None of them is
	 * marked failed: a stop is not the document's fault.
	 */
	public void resume() {
		List<Long> ids = documents.requeueUnfinished();
		ids.forEach(this::enqueue);
		if (!ids.isEmpty()) {
			log.info("Resumed the ingestion of {} document(s)", ids.size());
		}
	}

	private void enqueue(long id) {
		queue.submit(id, () -> pipeline.ingest(id));
	}

	/**
	 * Every {@code interval}, once the index answers, queues again the documents that failed because the vector store
	 * was not reachable.
	 */
	public void retryEvery(Duration interval) {
		retries.every(interval);
	}

	@Override
	public void retry(String collection, long id, String user) {
		row(collection, id);
		if (!documents.retry(id)) {
			throw new Conflict("Only a failed document can be retried; document " + id + " is "
					+ documents.find(id).map(r -> r.document().status().key()).orElse("gone") + ".");
		}
		log.info("Document {} in collection '{}' retried by {}", id, collection, user);
		enqueue(id);
	}

	@Override
	public List<UploadOutcome> upload(String collection, List<IncomingFile> incoming, Map<String, String> metadata,
			String user) {
		CollectionRows.Row row = collections.row(collection);
		DocumentMetadata.check(metadata);
		if (incoming.isEmpty()) {
			throw new InvalidInput("Send one or more files as multipart parts named 'files'.");
		}
		if (incoming.size() > maxFiles) {
			throw new InvalidInput("At most " + maxFiles + " files per upload; this one has " + incoming.size() + ".");
		}
		List<UploadOutcome> outcomes = new ArrayList<>();
		for (IncomingFile file : incoming) {
			outcomes.add(accept(row.id(), file, metadata, user));
		}
		return outcomes;
	}

	private UploadOutcome accept(long collectionId, IncomingFile file, Map<String, String> metadata, String user) {
		String name = fileName(file.fileName());
		if (file.size() > maxFile) {
			return UploadOutcome.refused(name, tooLarge(file.size()));
		}
		FileStore.Received received;
		try (InputStream in = file.content().getInputStream()) {
			received = files.receive(in, maxFile);
		}
		catch (IOException ex) {
			log.warn("Could not receive the upload {}", name, ex);
			return UploadOutcome.refused(name, "The file could not be received; try again.");
		}
		try {
			if (received.size() == 0) {
				return UploadOutcome.refused(name, "The file is empty (0 bytes).");
			}
			if (received.size() > maxFile) {
				return UploadOutcome.refused(name, tooLarge(received.size()));
			}
			FileType type = FileType.sniff(received.path(), name, images);
			var existing = documents.findBySha(collectionId, received.sha256());
			if (existing.isPresent()) {
				if (documents.retry(existing.get())) { // the same bytes again: the failed document is retried
					enqueue(existing.get());
					return UploadOutcome.retried(name, existing.get(), type.key());
				}
				return UploadOutcome.duplicate(name, existing.get());
			}
			long id = documents.insert(collectionId, title(name), name, type.key(), type.contentType(),
					received.size(), received.sha256(), user, metadata);
			files.keep(received, id);
			enqueue(id);
			return UploadOutcome.queued(name, id, type.key());
		}
		catch (Refusal ex) {
			return UploadOutcome.refused(name, ex.reason());
		}
		catch (DuplicateKeyException ex) {
			return documents.findBySha(collectionId, received.sha256())
				.map(id -> UploadOutcome.duplicate(name, id))
				.orElseGet(() -> UploadOutcome.refused(name, "The file could not be stored; try again."));
		}
		catch (IOException ex) {
			log.warn("Could not store the upload {}", name, ex);
			return UploadOutcome.refused(name, "The file could not be stored; try again.");
		}
		finally {
			files.discard(received);
		}
	}

	private String tooLarge(long size) {
		return "The file is too large: " + megabytes(size) + " MB, the limit is " + megabytes(maxFile) + " MB.";
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
	}

	/**
	 * The name without any path a browser may send, control and format characters (such as a right-to-left override
	 * that disguises an extension) and quotes; never blank.
	 */
	static String fileName(String sent) {
		String name = sent.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\"]", "").strip();
		return name.isEmpty() ? "document"
				: name.codePointCount(0, name.length()) > 200 ? name.substring(0, name.offsetByCodePoints(0, 200)) : name;
	}

	private static String title(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 ? fileName.substring(0, dot) : fileName;
	}

	@Override
	public int reindex(String collection, String model, String user) {
		CollectionRows.Row row = collections.row(collection);
		embedders.of(model); // an unknown model is refused before anything changes
		List<Long> ids = collections.reindex(row.id(), model);
		ids.forEach(this::enqueue);
		log.info("Re-indexing collection '{}' with {} ({} document(s)), asked by {}", collection, model, ids.size(),
				user);
		return ids.size();
	}

	@Override
	public List<Document> documents(String collection) {
		return documents.list(collections.row(collection).id());
	}

	@Override
	public Document document(String collection, long id) {
		return row(collection, id).document();
	}

	private DocumentRows.Row row(String collection, long id) {
		long collectionId = collections.row(collection).id();
		return documents.find(id)
			.filter(r -> r.collectionId() == collectionId)
			.orElseThrow(() -> new NotFound("There is no document " + id + " in collection '" + collection + "'."));
	}

	@Override
	public DocumentDetail detail(String collection, long id, int offset, int limit) {
		if (offset < 0 || limit < 1 || limit > 500) {
			throw new InvalidInput("Give an offset of 0 or more and a limit of 1 to 500.");
		}
		Document document = document(collection, id);
		return new DocumentDetail(document, chunks.page(id, offset, limit), offset, limit, chunks.count(id));
	}

	@Override
	public DocumentFile file(String collection, long id) {
		Document document = document(collection, id);
		if (!Files.isRegularFile(files.path(id))) {
			throw new NotFound("The file of document " + id + " is missing.");
		}
		return new DocumentFile(document.fileName(), document.contentType(), document.size(), files.path(id));
	}

	@Override
	public Document metadata(String collection, long id, Map<String, String> metadata, String user) {
		row(collection, id);
		documents.metadata(id, DocumentMetadata.check(metadata));
		log.info("Metadata of document {} in '{}' set to {} by {}", id, collection, metadata.keySet(), user);
		return document(collection, id);
	}

	@Override
	public void delete(String collection, long id, String user) {
		row(collection, id);
		queue.cancel(id);
		documents.delete(id);
		try {
			index.deleteDocument(id);
		}
		catch (VectorStoreUnavailable ex) { // left over vectors of a deleted document are never found
			log.warn("The vectors of deleted document {} stay in the vector store: {}", id, ex.getMessage());
		}
		files.delete(id);
		events.publishEvent(new DocumentDeleted(collection, id, user));
	}

	@Override
	public void close() {
		retries.close();
		queue.close();
	}

}
