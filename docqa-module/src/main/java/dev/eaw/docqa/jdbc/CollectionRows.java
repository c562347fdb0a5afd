package dev.eaw.docqa.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.docqa.DocumentCollection;
import dev.eaw.kernel.Conflict;
import dev.eaw.kernel.NotFound;

/** {@code docqa.collections} with live document counts. */
public final class CollectionRows {

	private static final String SELECT = """
			SELECT c.id, c.name, c.description, c.created_by, c.created_at,
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

	public void delete(long id) {
		jdbc.sql("DELETE FROM docqa.collections WHERE id = ?").param(id).update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), new DocumentCollection(rs.getString("name"), rs.getString("description"),
				rs.getLong("documents"), rs.getLong("ready"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant()));
	}

}
