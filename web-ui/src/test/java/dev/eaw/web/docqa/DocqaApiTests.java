package dev.eaw.web.docqa;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.docqa.ingestion.BackgroundIngestion;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document Q&amp;A over real HTTP with real files (PDFBox, POI), the real ONNX model and the real Lucene index: one
 * upload of good and bad files, search, extractive answers, duplicates, deletes and resuming after a stop.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocqaApiTests {

	static final String BASE = "/api/docqa/collections/handbook-api";

	static final List<List<String>> MANUAL = List.of(
			List.of("Zephyr 9 Espresso Machine - User Manual", "", "Thank you for buying the Zephyr 9.",
					"Read this manual before you switch the machine on for the first time."),
			List.of("Grinder settings", "", "The built-in conical grinder offers fifteen grind settings.",
					"Use setting four for a classic espresso and setting twelve for filter coffee."),
			List.of("Technical data", "", "The boiler of the Zephyr 9 holds exactly 1.8 litres of water.",
					"It heats up in ninety seconds and keeps a brewing pressure of nine bar."));

	static final String MARKDOWN = """
			# Operations Handbook

			Welcome to the operations handbook of the Lisbon roastery.

			## Cleaning

			Descale the Zephyr boilers every four weeks with citric acid. Rinse the brew groups every evening.

			## Opening hours

			The roastery shop opens at half past seven on weekdays and closes at six in the evening.
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BackgroundIngestion ingestion;

	final Map<String, JsonNode> uploaded = new HashMap<>();

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void uploadGoodAndBadFilesInOneRequest() {
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"handbook-api\"}").statusCode()).isEqualTo(201);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("zephyr-manual.pdf", DocqaFixtures.pdf(MANUAL));
		files.put("handbook.md", utf8(MARKDOWN));
		files.put("onboarding.docx", DocqaFixtures.docx(List.of("# Onboarding", "## First day",
				"New baristas shadow the head roaster Marta Quintela during their first week.", "## Equipment",
				"Every barista receives a tamper, an apron and a milk thermometer.")));
		files.put("secret.pdf", DocqaFixtures.encryptedPdf(MANUAL));
		files.put("broken.pdf", utf8("%PDF-1.7\nthis is not a PDF at all\n%%EOF"));
		files.put("photo.gif", DocqaFixtures.gif());
		files.put("empty.txt", new byte[0]);
		files.put("huge.txt", utf8("All work and no play. ".repeat(300_000)));

		HttpResponse<String> response = admin().uploadFiles(BASE + "/documents", files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		for (JsonNode outcome : Http.json(response)) {
			uploaded.put(outcome.path("fileName").asString(), outcome);
		}
		assertThat(uploaded).hasSize(8);
		for (String good : List.of("zephyr-manual.pdf", "handbook.md", "onboarding.docx", "secret.pdf", "broken.pdf")) {
			assertThat(uploaded.get(good).path("status").asString()).as(good).isEqualTo("queued");
		}
		assertThat(uploaded.get("photo.gif").path("status").asString()).isEqualTo("refused");
		assertThat(uploaded.get("photo.gif").path("reason").asString()).contains("Unsupported type", "GIF");
		assertThat(uploaded.get("empty.txt").path("status").asString()).isEqualTo("refused");
		assertThat(uploaded.get("empty.txt").path("reason").asString()).contains("empty");
		assertThat(uploaded.get("huge.txt").path("reason").asString()).contains("too large", "limit is 5.0 MB");
		awaitIngestion();
	}

	void awaitIngestion() {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode documents = Http.json(admin().get(BASE + "/documents"));
			boolean done = true;
			for (JsonNode document : documents) {
				String status = document.path("status").asString();
				done &= status.equals("ready") || status.equals("failed");
			}
			if (done) {
				return;
			}
			sleep(200);
		}
		throw new AssertionError("ingestion did not finish: " + admin().get(BASE + "/documents").body());
	}

	long id(String fileName) {
		return uploaded.get(fileName).path("id").asLong();
	}

	JsonNode document(String fileName) {
		return Http.json(admin().get(BASE + "/documents/" + id(fileName)));
	}

	@Test
	@Order(1)
	void goodFilesAreReadyAndBadOnesFailedWithTheirReason() {
		JsonNode pdf = document("zephyr-manual.pdf").path("document");
		assertThat(pdf.path("status").asString()).isEqualTo("ready");
		assertThat(pdf.path("type").asString()).isEqualTo("pdf");
		assertThat(pdf.path("pages").asInt()).isEqualTo(3);
		assertThat(pdf.path("chunks").asInt()).isPositive();
		assertThat(pdf.path("progress").asDouble()).isEqualTo(1.0);
		assertThat(document("handbook.md").path("document").path("status").asString()).isEqualTo("ready");
		assertThat(document("onboarding.docx").path("document").path("status").asString()).isEqualTo("ready");

		assertThat(document("secret.pdf").path("document").path("status").asString()).isEqualTo("failed");
		assertThat(document("secret.pdf").path("document").path("reason").asString()).contains("Encrypted PDF");
		assertThat(document("broken.pdf").path("document").path("reason").asString()).startsWith("Corrupt PDF");
		assertThat(document("broken.pdf").path("chunks").size()).isZero();
	}

	@Test
	@Order(2)
	void chunksKeepPagesHeadingPathsAndOffsets() {
		JsonNode markdown = document("handbook.md");
		List<String> headings = markdown.path("chunks").valueStream().map(c -> c.path("heading").asString()).toList();
		assertThat(headings).contains("Operations Handbook › Cleaning", "Operations Handbook › Opening hours");
		JsonNode docx = document("onboarding.docx");
		assertThat(docx.path("chunks").toString()).contains("Onboarding › First day", "Marta Quintela");
		JsonNode pdfChunks = document("zephyr-manual.pdf").path("chunks");
		assertThat(pdfChunks.get(0).path("page").asInt()).isEqualTo(1);
		assertThat(pdfChunks.get(0).path("end").asInt()).isGreaterThan(pdfChunks.get(0).path("start").asInt());
		assertThat(pdfChunks.get(0).path("tokens").asInt()).isBetween(1, 350);
	}

	@Test
	@Order(3)
	void searchFindsTheFactOnPageThreeWithBothScores() {
		JsonNode hits = Http.json(admin().get(BASE + "/search?q=" + q("how many litres does the boiler hold")));
		JsonNode top = hits.get(0);
		assertThat(top.path("documentId").asLong()).isEqualTo(id("zephyr-manual.pdf"));
		assertThat(top.path("page").asInt()).isEqualTo(3);
		assertThat(top.path("text").asString()).contains("1.8 litres");
		assertThat(top.path("title").asString()).isEqualTo("zephyr-manual");
		assertThat(top.path("bm25Score").asDouble()).isPositive();
		assertThat(top.path("bm25Rank").asInt()).isEqualTo(1);
		assertThat(top.path("denseScore").asDouble()).isBetween(0.3, 1.0);
		assertThat(top.path("denseRank").asInt()).isPositive();

		JsonNode bm25 = Http.json(admin().get(BASE + "/search?mode=bm25&k=3&q=" + q("boiler litres")));
		assertThat(bm25.get(0).path("denseScore").isNull()).isTrue();
		JsonNode dense = Http.json(admin().get(BASE + "/search?mode=dense&k=3&mmr=true&q=" + q("new staff mentor")));
		assertThat(dense.get(0).path("documentId").asLong()).isEqualTo(id("onboarding.docx"));
		JsonNode onlyDocx = Http.json(admin().get(BASE + "/search?type=docx&q=" + q("boiler")));
		assertThat(onlyDocx.valueStream().map(h -> h.path("documentId").asLong()))
			.containsOnly(id("onboarding.docx"));
		assertThat(admin().get(BASE + "/search?mode=fuzzy&q=x").statusCode()).isEqualTo(400);
		assertThat(admin().get("/api/docqa/collections/nowhere/search?q=x").statusCode()).isEqualTo(404);
	}

	@Test
	@Order(4)
	void askQuotesTheSupportingSentenceWithItsCitation() {
		JsonNode answer = Http.json(admin().postJson(BASE + "/ask",
				"{\"question\": \"How much water does the boiler of the Zephyr 9 hold?\"}"));
		assertThat(answer.path("mode").asString()).isEqualTo("extractive");
		assertThat(answer.path("answer").asString()).contains("1.8 litres", "[1]");
		JsonNode citation = answer.path("citations").get(0);
		assertThat(citation.path("number").asInt()).isEqualTo(1);
		assertThat(citation.path("documentId").asLong()).isEqualTo(id("zephyr-manual.pdf"));
		assertThat(citation.path("page").asInt()).isEqualTo(3);
		assertThat(citation.path("snippet").asString()).contains("1.8 litres");
		assertThat(answer.path("latencyMs").asLong()).isNotNegative();

		JsonNode none = Http.json(admin().postJson(BASE + "/ask",
				"{\"question\": \"Which team won the football world cup in 1974?\"}"));
		assertThat(none.path("answer").asString()).isEqualTo("No answer found in these documents.");
		assertThat(none.path("citations").size()).isZero();
	}

	@Test
	@Order(5)
	void theSameBytesAgainAreADuplicateAndTheOriginalCanBeDownloaded() {
		HttpResponse<String> again = admin().uploadFiles(BASE + "/documents", Map.of("copy.md", utf8(MARKDOWN)));
		JsonNode outcome = Http.json(again).get(0);
		assertThat(outcome.path("status").asString()).isEqualTo("duplicate");
		assertThat(outcome.path("id").asLong()).isEqualTo(id("handbook.md"));

		HttpResponse<byte[]> content = admin().getBytes(BASE + "/documents/" + id("handbook.md") + "/content");
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(new String(content.body(), StandardCharsets.UTF_8)).isEqualTo(MARKDOWN);
		assertThat(content.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
	}

	@Test
	@Order(6)
	void aDocumentInterruptedByAStopIsIngestedAgainOnResume() {
		long id = id("onboarding.docx");
		jdbc.sql("UPDATE docqa.documents SET status = 'embedding', progress = 0.5 WHERE id = ?").param(id).update();
		ingestion.resume();
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!document("onboarding.docx").path("document").path("status").asString().equals("ready")) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			sleep(100);
		}
		JsonNode hits = Http.json(admin().get(BASE + "/search?q=" + q("Marta Quintela")));
		assertThat(hits.get(0).path("documentId").asLong()).isEqualTo(id);
	}

	@Test
	@Order(7)
	void aDeletedDocumentIsGoneFromSearch() {
		assertThat(admin().delete(BASE + "/documents/" + id("handbook.md")).statusCode()).isEqualTo(204);
		assertThat(admin().get(BASE + "/documents/" + id("handbook.md")).statusCode()).isEqualTo(404);
		JsonNode hits = Http.json(admin().get(BASE + "/search?q=" + q("descale citric acid roastery opening hours")));
		assertThat(hits.valueStream().map(h -> h.path("documentId").asLong())).doesNotContain(id("handbook.md"));
		assertThat(jdbc.sql("SELECT count(*) FROM docqa.chunks WHERE document_id = ?").param(id("handbook.md"))
			.query(Long.class).single()).isZero();
	}

	@Test
	void collectionsAreCreatedListedAndDeletedAndNamesAreChecked() {
		Http admin = admin();
		HttpResponse<String> created = admin.postJson("/api/docqa/collections",
				"{\"name\": \"crud-test\", \"description\": \"for the test\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Http.json(created).path("description").asString()).isEqualTo("for the test");
		HttpResponse<String> taken = admin.postJson("/api/docqa/collections", "{\"name\": \"crud-test\"}");
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(Http.json(taken).path("detail").asString()).contains("crud-test");
		assertThat(admin.postJson("/api/docqa/collections", "{\"name\": \"Bad Name\"}").statusCode()).isEqualTo(400);
		assertThat(admin.postJson("/api/docqa/collections", "{\"name\": \"" + "a".repeat(64) + "\"}").statusCode())
			.isEqualTo(400);
		assertThat(admin.get("/api/docqa/collections").body()).contains("\"crud-test\"");
		admin.uploadFiles("/api/docqa/collections/crud-test/documents", Map.of("note.txt", utf8("A short note.")));
		assertThat(Http.json(admin.get("/api/docqa/collections/crud-test")).path("documents").asLong()).isEqualTo(1);
		assertThat(admin.delete("/api/docqa/collections/crud-test").statusCode()).isEqualTo(204);
		assertThat(admin.get("/api/docqa/collections/crud-test").statusCode()).isEqualTo(404);
	}

	static String q(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
