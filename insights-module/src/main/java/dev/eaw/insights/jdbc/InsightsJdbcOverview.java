package dev.eaw.insights.jdbc;

import java.util.LinkedHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.ModuleOverview;

/** The Insights card on the dashboard: how many datasets are loaded and how many rows they hold. */
@Component
class InsightsJdbcOverview implements ModuleOverview {

	private final JdbcClient jdbc;

	InsightsJdbcOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "insights";
	}

	@Override
	public LinkedHashMap<String, Long> counts() {
		LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT count(*) AS datasets, coalesce(sum(row_count), 0) AS row_total FROM insights.datasets")
			.query((rs, n) -> {
				counts.put("datasets", rs.getLong("datasets"));
				counts.put("rows", rs.getLong("row_total"));
				return counts;
			})
			.single();
		return counts;
	}

}
