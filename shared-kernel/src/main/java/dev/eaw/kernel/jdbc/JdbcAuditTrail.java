package dev.eaw.kernel.jdbc;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.kernel.AuditEntry;
import dev.eaw.kernel.AuditTrail;

@Service
@Transactional
class JdbcAuditTrail implements AuditTrail {

	private static final int MAX_DETAIL = 2000;

	private final JdbcClient jdbc;

	JdbcAuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(String actor, String action, String detail) {
		String shortened = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
		String who = actor.length() > 64 ? actor.substring(0, 64) : actor;
		jdbc.sql("INSERT INTO kernel.audit_events (at, actor, action, detail) VALUES (clock_timestamp(), :actor, :action, :detail)")
			.param("actor", who)
			.param("action", action)
			.param("detail", shortened)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> page(int page, int size) {
		int limit = Math.min(Math.max(size, 1), 500);
		return jdbc.sql("SELECT id, at, actor, action, detail FROM kernel.audit_events ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", (long) Math.max(page, 0) * limit)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), Rows.required(rs, "at"), rs.getString("actor"),
					rs.getString("action"), rs.getString("detail")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return jdbc.sql("SELECT count(*) FROM kernel.audit_events").query(Long.class).single();
	}

}
