package dev.eaw.docqa.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.docqa.Chunk;
import dev.eaw.docqa.chunking.DraftChunk;

/** {@code docqa.chunks}: the pieces of documents as embedded and indexed. */
public final class ChunkRows {

	private static final String SELECT = """
			SELECT k.id, k.document_id, k.ordinal, k.page, k.heading, k.start_offset, k.end_offset, k.tokens, k.text
			FROM docqa.chunks k
			""";

	/** A chunk with the title of its document, as search results show it. */
	public record Titled(Chunk chunk, String title, String type, String fileName) {
	}

	private final JdbcClient jdbc;

	public ChunkRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces a document's chunks; returns them with their ids, in order. */
	public List<Chunk> replace(long documentId, List<DraftChunk> drafts) {
		deleteOf(documentId);
		for (DraftChunk draft : drafts) {
			jdbc.sql("""
					INSERT INTO docqa.chunks (document_id, ordinal, page, heading, start_offset, end_offset, tokens, text)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(documentId, draft.ordinal(), draft.page(), draft.heading(), draft.start(), draft.end(),
						draft.tokens(), draft.text())
				.update();
		}
		return page(documentId, 0, Integer.MAX_VALUE);
	}

	public void deleteOf(long documentId) {
		jdbc.sql("DELETE FROM docqa.chunks WHERE document_id = ?").param(documentId).update();
	}

	public List<Chunk> page(long documentId, int offset, int limit) {
		return jdbc.sql(SELECT + " WHERE k.document_id = ? ORDER BY k.ordinal OFFSET ? LIMIT ?")
			.params(documentId, offset, limit)
			.query(ChunkRows::chunk)
			.list();
	}

	public long count(long documentId) {
		return jdbc.sql("SELECT count(*) FROM docqa.chunks WHERE document_id = ?").param(documentId).query(Long.class).single();
	}

	/** The chunks with these ids that still exist (in no particular order), with their document's title. */
	public List<Titled> titled(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT k.id, k.document_id, k.ordinal, k.page, k.heading, k.start_offset, k.end_offset, k.tokens, k.text,
				       d.title, d.doc_type, d.file_name
				FROM docqa.chunks k JOIN docqa.documents d ON d.id = k.document_id
				WHERE k.id IN (:ids) AND d.status = 'ready'""")
			.param("ids", ids)
			.query((rs, n) -> new Titled(chunk(rs, n), rs.getString("title"), rs.getString("doc_type"),
					rs.getString("file_name")))
			.list();
	}

	private static Chunk chunk(ResultSet rs, int n) throws SQLException {
		int page = rs.getInt("page");
		Integer pageNumber = rs.wasNull() ? null : page;
		return new Chunk(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("ordinal"), pageNumber,
				rs.getString("heading"), rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getInt("tokens"),
				rs.getString("text"));
	}

}
