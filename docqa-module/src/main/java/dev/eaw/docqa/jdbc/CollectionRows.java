package dev.eaw.docqa.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.docqa.DocumentCollection;
import dev.eaw.docqa.DocumentFilter;
import dev.eaw.kernel.Conflict;
import dev.eaw.kernel.NotFound;

/** {@code docqa.collections} with live document counts. */
public final class CollectionRows {

	private static final String SELECT = """
			SELECT c.id, c.name, c.description, c.created_by, c.created_at, c.embedding_model,
			       (SELECT count(*) FROM docqa.documents d WHERE d.collection_id = c.id) AS documents,
			       (SELECT count(*) FROM docqa.documents d WHERE d.collection_id = c.id AND d.status = 'ready') AS ready
			FROM docqa.collections c
			""";

	/** A collection with its id, which only the module sees. */
	public record Row(long id, DocumentCollection collection) {
	}

	private final JdbcClient jdbc;

	public CollectionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String name, String description, String user) {
		try {
			return jdbc.sql("INSERT INTO docqa.collections (name, description, created_by) VALUES (?, ?, ?) RETURNING id")
				.params(name, description, user)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict("There is already a collection named '" + name + "'.");
		}
	}

	public Optional<Row> find(String name) {
		return jdbc.sql(SELECT + " WHERE c.name = ?").param(name).query(CollectionRows::row).optional();
	}

	/** The collection, or {@link NotFound}. */
	public Row require(String name) {
		return find(name).orElseThrow(() -> new NotFound("There is no collection '" + name + "'."));
	}

	public List<Row> list() {
		return jdbc.sql(SELECT + " ORDER BY c.name").query(CollectionRows::row).list();
	}

	/**
	 * Switches the collection to another embedding model and queues all its documents but the failed ones again, in one
	 * statement; returns the ids of the queued documents.
	 */
	public List<Long> reindex(long id, String model) {
		return jdbc.sql("""
				WITH c AS (UPDATE docqa.collections SET embedding_model = ? WHERE id = ? RETURNING id)
				UPDATE docqa.documents SET status = 'queued', progress = 0, reason = NULL, updated_at = now()
				WHERE collection_id IN (SELECT id FROM c) AND status <> 'failed'
				RETURNING id""")
			.params(model, id)
			.query(Long.class)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	/**
	 * The ids of the collection's ready documents that pass the filter: any of its documents and types (all when
	 * empty), uploaded (UTC date) from and to its dates, inclusive, and holding all its metadata pairs.
	 */
	public List<Long> readyDocuments(long id, DocumentFilter filter) {
		StringBuilder sql = new StringBuilder("""
				SELECT id FROM docqa.documents
				WHERE collection_id = :id AND status = 'ready'
				  AND (CAST(:from AS DATE) IS NULL OR (created_at AT TIME ZONE 'UTC')::date >= CAST(:from AS DATE))
				  AND (CAST(:to AS DATE) IS NULL OR (created_at AT TIME ZONE 'UTC')::date <= CAST(:to AS DATE))""");
		if (!filter.documents().isEmpty()) {
			sql.append(" AND id IN (:documents)");
		}
		if (!filter.types().isEmpty()) {
			sql.append(" AND doc_type IN (:types)");
		}
		if (!filter.metadata().isEmpty()) {
			sql.append(" AND metadata @> CAST(:metadata AS jsonb)");
		}
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
			.param("id", id)
			.param("from", filter.from(), java.sql.Types.DATE)
			.param("to", filter.to(), java.sql.Types.DATE);
		if (!filter.documents().isEmpty()) {
			statement = statement.param("documents", filter.documents());
		}
		if (!filter.types().isEmpty()) {
			statement = statement.param("types", filter.types());
		}
		if (!filter.metadata().isEmpty()) {
			statement = statement.param("metadata", DocumentRows.json(filter.metadata()));
		}
		return statement.query(Long.class).list();
	}

	/** The collection's embedding model. */
	public String model(long id) {
		return jdbc.sql("SELECT embedding_model FROM docqa.collections WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("There is no collection " + id + "."));
	}

	public void delete(long id) {
		jdbc.sql("DELETE FROM docqa.collections WHERE id = ?").param(id).update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), new DocumentCollection(rs.getString("name"), rs.getString("description"),
				rs.getLong("documents"), rs.getLong("ready"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("embedding_model")));
	}

}
