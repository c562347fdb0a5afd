package dev.eaw.web.docqa;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaApiTests.q;
import static dev.eaw.web.docqa.DocqaApiTests.sleep;
import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-indexing a collection with another embedding model (MiniLM, re-chunked to its 128-token window) and the date
 * filter of searches, over real HTTP with the real models and the real Lucene index.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocqaReindexTests {

	static final String BASE = "/api/docqa/collections/reindex-api";

	/** One long section (well over MiniLM's window) with the fact near its end. */
	static final String GUIDE = """
			# Roastery guide

			## Green coffee

			The roastery buys green coffee from three cooperatives in Brazil, Ethiopia and Colombia every spring.
			Each lot is cupped by two roasters before it is accepted, and rejected lots go back to the importer.
			Accepted sacks are stored on wooden pallets in the cool room, away from the outer walls and the sun.
			The cool room is kept between fourteen and eighteen degrees with a humidity of about sixty percent.
			Sacks are used first in, first out, and every sack carries a label with its lot number and arrival date.
			Opened sacks are closed with a clip and used within two weeks so the beans do not dry out.
			Roasters note each batch in the roast log with the lot, the charge weight, the profile and the result.
			The roast log is reviewed every Friday by the head roaster together with the quality team.
			Samples of each batch are kept for one month in labelled jars on the shelf next to the cupping table.
			The storage manager of the cool room is Ingrid Valkonen, who orders new sacks when fewer than ten remain.
			""";

	@LocalServerPort
	int port;

	long pdf;

	long guide;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void uploadAndIngest() {
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"reindex-api\"}").statusCode())
			.isEqualTo(201);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("zephyr-manual.pdf", DocqaFixtures.pdf(DocqaApiTests.MANUAL));
		files.put("guide.md", utf8(GUIDE));
		HttpResponse<String> response = admin().uploadFiles(BASE + "/documents", files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		for (JsonNode outcome : Http.json(response)) {
			long id = outcome.path("id").asLong();
			if (outcome.path("fileName").asString().equals("guide.md")) {
				guide = id;
			}
			else {
				pdf = id;
			}
		}
		awaitReady();
	}

	void awaitReady() {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode documents = Http.json(admin().get(BASE + "/documents"));
			boolean ready = documents.size() == 2;
			for (JsonNode document : documents) {
				assertThat(document.path("status").asString()).as(document.toString()).isNotEqualTo("failed");
				ready &= document.path("status").asString().equals("ready");
			}
			if (ready) {
				return;
			}
			sleep(200);
		}
		throw new AssertionError("ingestion did not finish: " + admin().get(BASE + "/documents").body());
	}

	int chunks(long id) {
		return Http.json(admin().get(BASE + "/documents/" + id)).path("document").path("chunks").asInt();
	}

	@Test
	@Order(1)
	void aCollectionStartsWithTheDefaultModel() {
		assertThat(Http.json(admin().get(BASE)).path("embeddingModel").asString()).isEqualTo("bge-small-en-v1.5-q");
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(browser.page("/docqa/reindex-api").body()).contains("id=\"collection-reindex\"",
				"all-minilm-l6-v2-q", "Re-index with this model", "Embedding model: bge-small-en-v1.5-q");
		HttpResponse<String> refused = browser.form("/docqa/reindex-api/reindex",
				Map.of("model", "no-such-model", "_csrf", browser.csrfFrom("/docqa/reindex-api")));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(Http.json(admin().get(BASE)).path("embeddingModel").asString()).isEqualTo("bge-small-en-v1.5-q");
	}

	@Test
	@Order(2)
	void theDateFilterIsInclusiveOnTheUploadDate() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String search = BASE + "/search?q=" + q("how many litres does the boiler hold");
		JsonNode withToday = Http.json(admin().get(search + "&from=" + today + "&to=" + today));
		assertThat(withToday.get(0).path("documentId").asLong()).isEqualTo(pdf);
		assertThat(Http.json(admin().get(search + "&from=2020-01-01")).size()).isPositive();
		assertThat(Http.json(admin().get(search + "&to=" + today.minusDays(1))).size()).isZero();
		assertThat(Http.json(admin().get(search + "&from=" + today.plusDays(1))).size()).isZero();
		assertThat(admin().get(search + "&from=yesterday").statusCode()).isEqualTo(400);
		assertThat(admin().get(search + "&to=2026-13-01").statusCode()).isEqualTo(400);
		assertThat(admin().get(search + "&from=2026-12-31&to=2026-01-01").statusCode()).isEqualTo(400);
	}

	@Test
	@Order(3)
	void anUnknownModelIsRefused() {
		assertThat(admin().postJson(BASE + "/reindex", "{\"model\": \"gpt-embeddings\"}").statusCode()).isEqualTo(400);
		assertThat(admin().postJson(BASE + "/reindex", "{}").statusCode()).isEqualTo(400);
		assertThat(admin().postJson("/api/docqa/collections/nowhere/reindex", "{\"model\": \"all-minilm-l6-v2-q\"}")
			.statusCode()).isEqualTo(404);
		assertThat(Http.json(admin().get(BASE)).path("embeddingModel").asString()).isEqualTo("bge-small-en-v1.5-q");
	}

	@Test
	@Order(4)
	void reindexingWithMiniLmRechunksToItsWindowAndStillFindsTheFacts() {
		int before = chunks(guide);
		HttpResponse<String> response = admin().postJson(BASE + "/reindex", "{\"model\": \"all-minilm-l6-v2-q\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(Http.json(response).path("embeddingModel").asString()).isEqualTo("all-minilm-l6-v2-q");
		awaitReady();
		assertThat(Http.json(admin().get(BASE)).path("embeddingModel").asString()).isEqualTo("all-minilm-l6-v2-q");
		assertThat(Http.json(admin().get(BASE)).path("ready").asLong()).isEqualTo(2);
		assertThat(chunks(guide)).isGreaterThan(before);
		JsonNode detail = Http.json(admin().get(BASE + "/documents/" + guide + "?limit=500"));
		for (JsonNode chunk : detail.path("chunks")) {
			assertThat(chunk.path("tokens").asInt()).as(chunk.toString()).isLessThanOrEqualTo(126);
		}

		JsonNode hits = Http.json(admin().get(BASE + "/search?q=" + q("how many litres does the boiler hold")));
		assertThat(hits.get(0).path("documentId").asLong()).isEqualTo(pdf);
		assertThat(hits.get(0).path("text").asString()).contains("1.8 litres");
		assertThat(hits.get(0).path("denseScore").asDouble()).isBetween(0.2, 1.0);
		JsonNode tail = Http.json(admin().get(BASE + "/search?k=3&q=" + q("Who is the storage manager of the cool room?")));
		assertThat(tail.valueStream().map(h -> h.path("text").asString())).anyMatch(t -> t.contains("Ingrid Valkonen"));

		JsonNode answer = Http.json(admin().postJson(BASE + "/ask",
				"{\"question\": \"How much water does the boiler of the Zephyr 9 hold?\"}"));
		assertThat(answer.path("answer").asString()).contains("1.8 litres", "[1]");
		assertThat(answer.path("citations").get(0).path("documentId").asLong()).isEqualTo(pdf);
	}

	@Test
	@Order(5)
	void reindexingBackToTheDefaultModelWorksToo() {
		assertThat(admin().postJson(BASE + "/reindex", "{\"model\": \"bge-small-en-v1.5-q\"}").statusCode())
			.isEqualTo(202);
		awaitReady();
		assertThat(Http.json(admin().get(BASE)).path("embeddingModel").asString()).isEqualTo("bge-small-en-v1.5-q");
		JsonNode hits = Http.json(admin().get(BASE + "/search?q=" + q("Who is the storage manager of the cool room?")));
		assertThat(hits.get(0).path("text").asString()).contains("Ingrid Valkonen");
	}

}
