package dev.eaw.docqa.jdbc;

import java.util.LinkedHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.ModuleOverview;

/** The Document Q&amp;A card on the dashboard: collections, the documents in them and their chunks. */
@Component
class DocqaJdbcOverview implements ModuleOverview {

	private final JdbcClient jdbc;

	DocqaJdbcOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "docqa";
	}

	@Override
	public LinkedHashMap<String, Long> counts() {
		LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
		counts.put("collections", jdbc.sql("SELECT count(*) FROM docqa.collections").query(Long.class).single());
		counts.put("documents", jdbc.sql("SELECT count(*) FROM docqa.documents").query(Long.class).single());
		counts.put("chunks", jdbc.sql("SELECT count(*) FROM docqa.chunks").query(Long.class).single());
		return counts;
	}

}
