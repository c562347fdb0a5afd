package dev.eaw.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	private final List<Row> rows = List.of(Row.of("baseline").metric("accuracy", 0.6512).metric("p95_ms", 12.5),
			Row.of("ours").metric("accuracy", 0.9013).metric("p95_ms", 130.25).asDefault());

	@Test
	void jsonIsOneArrayWithOneRowPerSystemAndTheDefaultMarked() {
		JsonNode json = JsonMapper.builder().build().readTree(Report.json(rows));
		assertThat(json.isArray()).isTrue();
		assertThat(json.size()).isEqualTo(2);
		assertThat(json.get(0).path("system").asString()).isEqualTo("baseline");
		assertThat(json.get(0).has("default")).isFalse();
		assertThat(json.get(1).path("default").asBoolean()).isTrue();
		assertThat(json.get(1).path("accuracy").asDouble()).isEqualTo(0.9013);
	}

	@Test
	void theTableAlignsColumnsAndStarsTheDefault() {
		String table = Report.table("sentiment", rows);
		List<String> lines = table.lines().toList();
		assertThat(lines.get(0)).isEqualTo("sentiment");
		assertThat(lines.get(1)).startsWith("system").contains("accuracy", "p95_ms");
		assertThat(lines.get(3)).startsWith("baseline").endsWith("12.5000");
		assertThat(lines.get(4)).startsWith("ours *").endsWith("130.3");
		assertThat(lines.get(3).length()).isEqualTo(lines.get(4).length());
		assertThat(table).contains("* the project's default configuration");
	}

	@Test
	void percentilesComeFromTheSortedSample() {
		long[] nanos = new long[100];
		for (int i = 0; i < 100; i++) {
			nanos[i] = (i + 1) * 1_000_000L;
		}
		assertThat(HttpLatency.percentile(nanos, 0.50)).isEqualTo(50.0);
		assertThat(HttpLatency.percentile(nanos, 0.95)).isEqualTo(95.0);
		assertThat(HttpLatency.percentile(nanos, 0.99)).isEqualTo(99.0);
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		assertThat(Benchmarks.run(new String[] { "no-such-benchmark" })).isEqualTo(2);
		assertThat(Benchmarks.run(new String[] { "http", "--url", "http://example.org", "--user", "a", "--password", "b" }))
			.isEqualTo(2);
	}

}
