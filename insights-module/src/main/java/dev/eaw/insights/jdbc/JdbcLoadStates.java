package dev.eaw.insights.jdbc;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.eaw.insights.LoadStates;

/** Background loads in {@code insights.loads}. */
@Service
class JdbcLoadStates implements LoadStates {

	private final JdbcClient jdbc;

	JdbcLoadStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void started(String id, String dataset, long totalBytes) {
		jdbc.sql("INSERT INTO insights.loads (id, dataset, status, total_bytes) VALUES (?, ?, 'loading', ?)")
			.params(id, dataset, totalBytes)
			.update();
	}

	@Override
	public void ended(String id, String status, long rows, @Nullable String error) {
		jdbc.sql("UPDATE insights.loads SET status = ?, rows_loaded = ?, error = ?, ended_at = now() WHERE id = ?")
			.params(status, rows, error, id)
			.update();
	}

	@Override
	public Optional<LoadState> find(String id) {
		return jdbc.sql("SELECT id, dataset, status, total_bytes, rows_loaded, error FROM insights.loads WHERE id = ?")
			.param(id)
			.query((rs, n) -> new LoadState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getString(6)))
			.optional();
	}

	@Override
	public int interruptLeftovers() {
		return jdbc.sql("UPDATE insights.loads SET status = 'interrupted', error = ?, ended_at = now() "
				+ "WHERE status = 'loading'").param(INTERRUPTED).update();
	}

}
