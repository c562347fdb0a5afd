package dev.eaw.insights.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.insights.Column;
import dev.eaw.insights.ColumnType;
import dev.eaw.insights.Dataset;

/** The {@code insights.datasets} catalogue, with each dataset's columns read from PostgreSQL's own catalogue. */
class DatasetCatalogue {

	private final JdbcClient jdbc;

	DatasetCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Dataset> all() {
		Map<String, List<Column>> columns = columns(null);
		return jdbc.sql("SELECT name, description, row_count, created_by, created_at FROM insights.datasets ORDER BY name")
			.query((rs, n) -> new Dataset(rs.getString(1), rs.getString(2), rs.getLong(3),
					columns.getOrDefault(rs.getString(1), List.of()), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	Optional<Dataset> find(String name) {
		Map<String, List<Column>> columns = columns(name);
		return jdbc
			.sql("SELECT name, description, row_count, created_by, created_at FROM insights.datasets WHERE name = ?")
			.param(name)
			.query((rs, n) -> new Dataset(rs.getString(1), rs.getString(2), rs.getLong(3),
					columns.getOrDefault(rs.getString(1), List.of()), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}

	void insert(Connection connection, String name, String description, long rows, int columns, String user)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO insights.datasets (name, description, row_count, column_count, created_by) VALUES (?, ?, ?, ?, ?)")) {
			insert.setString(1, name);
			insert.setString(2, description);
			insert.setLong(3, rows);
			insert.setInt(4, columns);
			insert.setString(5, user);
			insert.executeUpdate();
		}
	}

	void rename(String from, String to) {
		jdbc.sql("UPDATE insights.datasets SET name = ? WHERE name = ?").param(to).param(from).update();
	}

	void delete(String name) {
		jdbc.sql("DELETE FROM insights.datasets WHERE name = ?").param(name).update();
	}

	private Map<String, List<Column>> columns(@Nullable String table) {
		Map<String, List<Column>> byTable = new LinkedHashMap<>();
		String sql = "SELECT table_name, column_name, data_type FROM information_schema.columns "
				+ "WHERE table_schema = 'insights_data'" + (table == null ? "" : " AND table_name = ?")
				+ " ORDER BY table_name, ordinal_position";
		var statement = jdbc.sql(sql);
		if (table != null) {
			statement = statement.param(table);
		}
		statement.query((rs, n) -> byTable.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
			.add(new Column(rs.getString(2), ColumnType.ofSqlType(rs.getString(3))))).list();
		return byTable;
	}

}
