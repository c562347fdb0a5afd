package dev.eaw.mlops.jdbc;

import java.util.LinkedHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.ModuleOverview;

/** The MLOps card on the dashboard: active experiments and runs, registered models. */
@Component
class MlopsJdbcOverview implements ModuleOverview {

	private final JdbcClient jdbc;

	MlopsJdbcOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "mlops";
	}

	@Override
	public LinkedHashMap<String, Long> counts() {
		LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
		counts.put("experiments",
				jdbc.sql("SELECT count(*) FROM mlops.experiments WHERE lifecycle_stage = 'active'")
					.query(Long.class)
					.single());
		counts.put("runs",
				jdbc.sql("SELECT count(*) FROM mlops.runs WHERE lifecycle_stage = 'active'").query(Long.class).single());
		counts.put("models", jdbc.sql("SELECT count(*) FROM mlops.registered_models").query(Long.class).single());
		return counts;
	}

}
