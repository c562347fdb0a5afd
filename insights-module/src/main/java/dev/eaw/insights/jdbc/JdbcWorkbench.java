package dev.eaw.insights.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.insights.HistoryEntry;
import dev.eaw.insights.SavedQuery;
import dev.eaw.insights.Workbench;
import dev.eaw.insights.sql.CalciteQueries;
import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;

/** Query history and saved queries in {@code insights.query_history} and {@code insights.saved_queries}. */
@Service
class JdbcWorkbench implements Workbench, CalciteQueries.QueryLog {

	private static final Set<String> CHARTS = Set.of("table", "line", "bar", "scatter");

	private static final String SAVED = "SELECT id, name, sql_text, chart, x_column, y_columns, pinned, position, "
			+ "created_by, created_at FROM insights.saved_queries ";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	JdbcWorkbench(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public void ran(String user, String sql, @Nullable Integer rows, long elapsedMs, @Nullable String error) {
		jdbc.sql("INSERT INTO insights.query_history (username, sql_text, row_count, elapsed_ms, error) VALUES (?, ?, ?, ?, ?)")
			.params(user, sql, rows, elapsedMs, error)
			.update();
	}

	@Override
	public List<HistoryEntry> history(String user, int limit) {
		return jdbc.sql("SELECT id, sql_text, row_count, elapsed_ms, error, run_at FROM insights.query_history "
				+ "WHERE username = ? ORDER BY id DESC LIMIT ?")
			.params(user, Math.min(Math.max(limit, 1), 500))
			.query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getInt(3),
					rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	@Override
	public List<SavedQuery> saved() {
		return jdbc.sql(SAVED + "ORDER BY name").query(JdbcWorkbench::savedQuery).list();
	}

	@Override
	public List<SavedQuery> dashboard() {
		return jdbc.sql(SAVED + "WHERE pinned ORDER BY position, id").query(JdbcWorkbench::savedQuery).list();
	}

	@Override
	public SavedQuery find(long id) {
		return jdbc.sql(SAVED + "WHERE id = ?")
			.param(id)
			.query(JdbcWorkbench::savedQuery)
			.optional()
			.orElseThrow(() -> new NotFound("There is no saved query with id " + id + "."));
	}

	@Override
	@Transactional
	public SavedQuery save(String name, String sql, String chart, @Nullable String xColumn, List<String> yColumns,
			boolean pinned, String user) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new InvalidInput("A saved query needs a name of 1 to 200 characters.");
		}
		if (sql.isBlank()) {
			throw new InvalidInput("There is no SQL to save.");
		}
		if (!CHARTS.contains(chart)) {
			throw new InvalidInput("The chart is one of table, line, bar or scatter.");
		}
		Integer position = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM insights.saved_queries")
			.query(Integer.class)
			.single();
		jdbc.sql("INSERT INTO insights.saved_queries (name, sql_text, chart, x_column, y_columns, pinned, position, created_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET sql_text = excluded.sql_text, "
				+ "chart = excluded.chart, x_column = excluded.x_column, y_columns = excluded.y_columns, pinned = excluded.pinned")
			.params(trimmed, sql, chart, blankToNull(xColumn), String.join(",", yColumns), pinned, position, user)
			.update();
		audit.record(user, "query.saved", trimmed);
		return jdbc.sql(SAVED + "WHERE name = ?").param(trimmed).query(JdbcWorkbench::savedQuery).single();
	}

	@Override
	public SavedQuery pin(long id, boolean pinned, String user) {
		find(id);
		jdbc.sql("UPDATE insights.saved_queries SET pinned = ? WHERE id = ?").params(pinned, id).update();
		return find(id);
	}

	@Override
	public void delete(long id, String user) {
		SavedQuery query = find(id);
		jdbc.sql("DELETE FROM insights.saved_queries WHERE id = ?").param(id).update();
		audit.record(user, "query.deleted", query.name());
	}

	private static SavedQuery savedQuery(ResultSet rs, int row) throws SQLException {
		String y = rs.getString(6);
		List<String> yColumns = y == null || y.isBlank() ? List.of() : Arrays.asList(y.split(","));
		return new SavedQuery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				yColumns, rs.getBoolean(7), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
