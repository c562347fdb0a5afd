package dev.eaw.docqa.jdbc;

import java.util.LinkedHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.kernel.ModuleOverview;

/**
 * The Document Q&amp;A card on the dashboard (and the module's health): collections, the documents in them and their
 * chunks; down with the reason while the vector store does not answer.
 */
@Component
class DocqaJdbcOverview implements ModuleOverview {

	private final JdbcClient jdbc;

	private final ChunkIndex index;

	DocqaJdbcOverview(JdbcClient jdbc, ChunkIndex index) {
		this.jdbc = jdbc;
		this.index = index;
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
		String unavailable = index.unavailable();
		if (unavailable != null) {
			throw new IllegalStateException(unavailable);
		}
		return counts;
	}

}
