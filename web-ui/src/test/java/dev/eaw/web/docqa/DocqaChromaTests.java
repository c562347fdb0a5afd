package dev.eaw.web.docqa;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.eaw.docqa.index.ChromaChunkIndex;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app with {@code eaw.docqa.vector-store=chroma} against the Chroma server of {@code EAW_CHROMA_URL}
 * ({@code .ci/run} starts one): ingestion, hybrid and dense search, and a delete that reaches Chroma. Skipped without
 * a URL, failing under {@code CI=true}.
 */
@AppTest
@TestPropertySource(properties = { "eaw.docqa.vector-store=chroma", "eaw.chroma.collection=eaw-app-test-${random.uuid}" })
class DocqaChromaTests {

	static final String BASE = "/api/docqa/collections/chroma-app";

	static String url() {
		return System.getProperty("EAW_CHROMA_URL", System.getenv("EAW_CHROMA_URL"));
	}

	@BeforeAll
	static void chromaServer() {
		if (url() == null || url().isBlank()) {
			String message = "no Chroma server: set EAW_CHROMA_URL (see the README) to run the app against Chroma";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + " (CI=true: it must run in CI)");
			}
			Assumptions.abort(message);
		}
	}

	@DynamicPropertySource
	static void chromaUrl(DynamicPropertyRegistry registry) {
		registry.add("eaw.chroma.url", DocqaChromaTests::url);
	}

	@LocalServerPort
	int port;

	@Autowired
	ChunkIndex index;

	@Test
	void ingestsSearchesAndDeletesWithVectorsInChroma() throws InterruptedException {
		assertThat(index).isInstanceOf(ChromaChunkIndex.class);
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(admin.postJson("/api/docqa/collections", "{\"name\": \"chroma-app\"}").statusCode()).isEqualTo(201);
		JsonNode uploaded = Http.json(admin.uploadFiles(BASE + "/documents", Map.of("roastery.md", utf8("""
				# Roastery

				## Cleaning

				Descale the Zephyr boilers every four weeks with citric acid.

				## Opening hours

				The roastery shop opens at half past seven on weekdays.
				"""))));
		long id = uploaded.get(0).path("id").asLong();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!Http.json(admin.get(BASE + "/documents/" + id)).path("document").path("status").asString().equals("ready")) {
			assertThat(System.nanoTime()).as("ingestion finished").isLessThan(deadline);
			Thread.sleep(200);
		}

		JsonNode dense = Http.json(admin.get(BASE + "/search?mode=dense&k=3&q=removing+limescale"));
		assertThat(dense.get(0).path("text").asString()).contains("citric acid");
		assertThat(dense.get(0).path("denseScore").asDouble()).isBetween(0.3, 1.0);
		JsonNode hybrid = Http.json(admin.get(BASE + "/search?q=when+does+the+shop+open"));
		assertThat(hybrid.get(0).path("text").asString()).contains("half past seven");
		assertThat(hybrid.get(0).path("bm25Score").asDouble()).isPositive();
		assertThat(hybrid.get(0).path("denseScore").asDouble()).isPositive();

		List<Long> chunkIds = Http.json(admin.get(BASE + "/documents/" + id))
			.path("chunks")
			.valueStream()
			.map(c -> c.path("id").asLong())
			.toList();
		assertThat(index.vectors(chunkIds)).hasSize(chunkIds.size());
		assertThat(admin.delete(BASE + "/documents/" + id).statusCode()).isEqualTo(204);
		assertThat(index.vectors(chunkIds)).isEmpty();
		assertThat(admin.delete(BASE).statusCode()).isEqualTo(204);
	}

}
