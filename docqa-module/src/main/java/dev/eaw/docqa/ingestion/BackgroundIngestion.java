package dev.eaw.docqa.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.util.unit.DataSize;

import dev.eaw.docqa.Document;
import dev.eaw.docqa.DocumentDeleted;
import dev.eaw.docqa.DocumentDetail;
import dev.eaw.docqa.DocumentFile;
import dev.eaw.docqa.DocumentIngestion;
import dev.eaw.docqa.DocumentStatus;
import dev.eaw.docqa.IncomingFile;
import dev.eaw.docqa.UploadOutcome;
import dev.eaw.docqa.embedding.Embedders;
import dev.eaw.docqa.extraction.FileType;
import dev.eaw.docqa.extraction.Refusal;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.jdbc.ChunkRows;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.docqa.jdbc.DocumentRows;
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

	private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "eaw-docqa-ingestion");
		thread.setDaemon(true);
		return thread;
	});

	public BackgroundIngestion(CollectionCatalogue collections, DocumentRows documents, ChunkRows chunks,
			FileStore files, Embedders embedders, int chunkTokens, int chunkOverlap, ChunkIndex index,
			ApplicationEventPublisher events, DataSize maxFile) {
		this.collections = collections;
		this.documents = documents;
		this.chunks = chunks;
		this.files = files;
		this.index = index;
		this.events = events;
		this.maxFile = maxFile.toBytes();
		this.embedders = embedders;
		this.pipeline = new IngestionPipeline(documents, chunks, files, embedders, chunkTokens, chunkOverlap, index,
				events);
	}

	/** Queues again what a stop interrupted, and what was still waiting. */
	public void resume() {
		List<Long> ids = documents.inStates(List.of("queued", "extracting", "embedding"));
		for (long id : ids) {
			documents.status(id, DocumentStatus.QUEUED, 0, null);
			executor.execute(() -> pipeline.ingest(id));
		}
		if (!ids.isEmpty()) {
			log.info("Resumed the ingestion of {} document(s)", ids.size());
		}
	}

	@Override
	public List<UploadOutcome> upload(String collection, List<IncomingFile> incoming, String user) {
		CollectionRows.Row row = collections.row(collection);
		if (incoming.isEmpty()) {
			throw new InvalidInput("Send one or more files as multipart parts named 'files'.");
		}
		List<UploadOutcome> outcomes = new ArrayList<>();
		for (IncomingFile file : incoming) {
			outcomes.add(accept(row.id(), file, user));
		}
		return outcomes;
	}

	private UploadOutcome accept(long collectionId, IncomingFile file, String user) {
		String name = fileName(file.fileName());
		if (file.size() > maxFile) {
			return UploadOutcome.refused(name, tooLarge(file.size()));
		}
		FileStore.Received received;
		try (InputStream in = file.content().getInputStream()) {
			received = files.receive(in, maxFile);
		}
		catch (IOException ex) {
			return UploadOutcome.refused(name, "The file could not be read: " + ex.getMessage());
		}
		try {
			if (received.size() == 0) {
				return UploadOutcome.refused(name, "The file is empty (0 bytes).");
			}
			if (received.size() > maxFile) {
				return UploadOutcome.refused(name, tooLarge(received.size()));
			}
			FileType type = FileType.sniff(received.path(), name);
			var existing = documents.findBySha(collectionId, received.sha256());
			if (existing.isPresent()) {
				return UploadOutcome.duplicate(name, existing.get());
			}
			long id = documents.insert(collectionId, title(name), name, type.key(), type.contentType(),
					received.size(), received.sha256(), user);
			files.keep(received, id);
			executor.execute(() -> pipeline.ingest(id));
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
			return UploadOutcome.refused(name, "The file could not be stored: " + ex.getMessage());
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

	/** The name without any path a browser may send, never blank. */
	static String fileName(String sent) {
		String name = sent.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		name = name.replaceAll("[\\p{Cntrl}\"]", "");
		return name.isEmpty() ? "document" : name.length() > 200 ? name.substring(0, 200) : name;
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
		for (long id : ids) {
			executor.execute(() -> pipeline.ingest(id));
		}
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
	public void delete(String collection, long id, String user) {
		row(collection, id);
		documents.delete(id);
		index.deleteDocument(id);
		files.delete(id);
		events.publishEvent(new DocumentDeleted(collection, id, user));
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
