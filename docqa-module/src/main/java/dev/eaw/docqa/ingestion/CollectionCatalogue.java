package dev.eaw.docqa.ingestion;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;

import dev.eaw.docqa.CollectionDeleted;
import dev.eaw.docqa.DocumentCollection;
import dev.eaw.docqa.DocumentCollections;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.docqa.jdbc.DocumentRows;
import dev.eaw.kernel.InvalidInput;

/**
 * Collections in the database; deleting one also stops the ingestion of its documents and clears their vectors from
 * the index and their files from disk.
 */
public final class CollectionCatalogue implements DocumentCollections {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	private final CollectionRows collections;

	private final DocumentRows documents;

	private final ChunkIndex index;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final IngestionQueue queue;

	public CollectionCatalogue(CollectionRows collections, DocumentRows documents, ChunkIndex index, FileStore files,
			ApplicationEventPublisher events, IngestionQueue queue) {
		this.collections = collections;
		this.documents = documents;
		this.index = index;
		this.files = files;
		this.events = events;
		this.queue = queue;
	}

	@Override
	public DocumentCollection create(String name, String description, String user) {
		if (!NAME.matcher(name).matches()) {
			throw new InvalidInput("A collection name is 1 to 63 lower-case letters, digits, '-' or '_', starting with a "
					+ "letter or digit; '" + name + "' is not.");
		}
		if (description.length() > 1000) {
			throw new InvalidInput("A description has at most 1000 characters.");
		}
		collections.insert(name, description.strip(), user);
		return get(name);
	}

	@Override
	public List<DocumentCollection> list() {
		return collections.list().stream().map(CollectionRows.Row::collection).toList();
	}

	@Override
	public DocumentCollection get(String name) {
		return row(name).collection();
	}

	CollectionRows.Row row(String name) {
		return collections.require(name);
	}

	/** Switches the collection to another model and returns the ids of its documents to embed again. */
	List<Long> reindex(long id, String model) {
		return collections.reindex(id, model);
	}

	@Override
	public void delete(String name, String user) {
		CollectionRows.Row row = row(name);
		List<Long> ids = documents.ids(row.id());
		ids.forEach(queue::cancel);
		collections.delete(row.id());
		index.deleteCollection(row.id());
		ids.forEach(files::delete);
		events.publishEvent(new CollectionDeleted(name, user));
	}

}
