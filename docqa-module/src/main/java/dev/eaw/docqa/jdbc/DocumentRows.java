package dev.eaw.docqa.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.docqa.Document;
import dev.eaw.docqa.DocumentStatus;
import tools.jackson.databind.json.JsonMapper;

/** {@code docqa.documents}: catalogue, status and progress, extracted text. */
public final class DocumentRows {

	private static final String SELECT = """
			SELECT d.id, c.name AS collection, d.collection_id, c.embedding_model, d.title, d.file_name, d.doc_type, d.content_type,
			       d.size_bytes, d.pages, d.chunk_count, d.status, d.reason, d.progress, d.created_by, d.created_at,
			       d.metadata::text AS metadata
			FROM docqa.documents d JOIN docqa.collections c ON c.id = d.collection_id
			""";

	/** A document with the id of its collection and the collection's embedding model. */
	public record Row(long collectionId, String embeddingModel, Document document) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public DocumentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long collectionId, String title, String fileName, String type, String contentType, long size,
			String sha256, String user, Map<String, String> metadata) {
		return jdbc.sql("""
				INSERT INTO docqa.documents (collection_id, title, file_name, doc_type, content_type, size_bytes, sha256,
				                             created_by, metadata)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id""")
			.params(collectionId, title, fileName, type, contentType, size, sha256, user, json(metadata))
			.query(Long.class)
			.single();
	}

	public Optional<Long> findBySha(long collectionId, String sha256) {
		return jdbc.sql("SELECT id FROM docqa.documents WHERE collection_id = ? AND sha256 = ?")
			.params(collectionId, sha256)
			.query(Long.class)
			.optional();
	}

	public Optional<Row> find(long id) {
		return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(DocumentRows::row).optional();
	}

	public List<Document> list(long collectionId) {
		return jdbc.sql(SELECT + " WHERE d.collection_id = ? ORDER BY d.id DESC")
			.param(collectionId)
			.query(DocumentRows::row)
			.list()
			.stream()
			.map(Row::document)
			.toList();
	}

	public List<Long> ids(long collectionId) {
		return jdbc.sql("SELECT id FROM docqa.documents WHERE collection_id = ?").param(collectionId).query(Long.class).list();
	}

	/** Puts every document whose ingestion is not done back to {@code queued}; their ids, oldest first. */
	public List<Long> requeueUnfinished() {
		return jdbc.sql("""
				UPDATE docqa.documents SET status = 'queued', progress = 0, reason = NULL, updated_at = now()
				WHERE status IN ('queued', 'extracting', 'embedding') RETURNING id""")
			.query(Long.class)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	/** Puts a failed document back to {@code queued}; false when it is not failed (or gone). */
	public boolean retry(long id) {
		return jdbc.sql("""
				UPDATE docqa.documents SET status = 'queued', progress = 0, reason = NULL, updated_at = now()
				WHERE id = ? AND status = 'failed'""")
			.param(id)
			.update() > 0;
	}

	/** Puts every document that failed with this reason back to {@code queued}; their ids, oldest first. */
	public List<Long> retryFailed(String reason) {
		return jdbc.sql("""
				UPDATE docqa.documents SET status = 'queued', progress = 0, reason = NULL, updated_at = now()
				WHERE status = 'failed' AND reason = ? RETURNING id""")
			.param(reason)
			.query(Long.class)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	/** Sets the status and progress; false when the document is gone. */
	public boolean status(long id, DocumentStatus status, double progress, @Nullable String reason) {
		return jdbc.sql("UPDATE docqa.documents SET status = ?, progress = ?, reason = ?, updated_at = now() WHERE id = ?")
			.params(status.key(), progress, reason, id)
			.update() > 0;
	}

	/**
	 * Marks the document ready if its collection still uses the model it was embedded with; false when the document is
	 * gone or the collection has been switched to another model since (a re-index queued it again).
	 */
	public boolean ready(long id, String model) {
		return jdbc.sql("""
				UPDATE docqa.documents d SET status = 'ready', progress = 1, reason = NULL, updated_at = now()
				WHERE d.id = ? AND d.status = 'embedding'
				  AND EXISTS (SELECT 1 FROM docqa.collections c WHERE c.id = d.collection_id AND c.embedding_model = ?)""")
			.params(id, model)
			.update() > 0;
	}

	public void progress(long id, double progress) {
		jdbc.sql("UPDATE docqa.documents SET progress = ?, updated_at = now() WHERE id = ?").params(progress, id).update();
	}

	public void extracted(long id, String body, @Nullable Integer pages, int chunks) {
		jdbc.sql("UPDATE docqa.documents SET body = ?, pages = ?, chunk_count = ?, updated_at = now() WHERE id = ?")
			.params(body, pages, chunks, id)
			.update();
	}

	/** Replaces the document's metadata; false when the document is gone. */
	public boolean metadata(long id, Map<String, String> metadata) {
		return jdbc.sql("UPDATE docqa.documents SET metadata = CAST(? AS jsonb), updated_at = now() WHERE id = ?")
			.params(json(metadata), id)
			.update() > 0;
	}

	/** Metadata as a JSON object (what the {@code metadata} column and a containment filter take). */
	static String json(Map<String, String> metadata) {
		return JSON.writeValueAsString(new TreeMap<>(metadata));
	}

	private static Map<String, String> metadata(@Nullable String json) {
		if (json == null) {
			return Map.of();
		}
		Map<String, String> metadata = new TreeMap<>();
		JSON.readTree(json).properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
		return metadata;
	}

	public Optional<String> body(long id) {
		return jdbc.sql("SELECT body FROM docqa.documents WHERE id = ?").param(id).query(String.class).optional();
	}

	public void delete(long id) {
		jdbc.sql("DELETE FROM docqa.documents WHERE id = ?").param(id).update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		int pages = rs.getInt("pages");
		Integer pageCount = rs.wasNull() ? null : pages;
		return new Row(rs.getLong("collection_id"), rs.getString("embedding_model"), new Document(rs.getLong("id"), rs.getString("collection"),
				rs.getString("title"), rs.getString("file_name"), rs.getString("doc_type"),
				rs.getString("content_type"), rs.getLong("size_bytes"), pageCount, rs.getInt("chunk_count"),
				DocumentStatus.of(rs.getString("status")), rs.getString("reason"), rs.getDouble("progress"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				metadata(rs.getString("metadata"))));
	}

}
