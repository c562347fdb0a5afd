package dev.eaw.web.docqa;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on the Chroma server of {@code EAW_CHROMA_URL} through a {@link TcpProxy} that the test stops and starts: a
 * real outage of the vector store and its recovery, without a restart. While it is down, hybrid search and answers
 * go on with BM25 alone and say so, dense search is a 503, health reports docqa down, and a document uploaded then
 * fails with a reason instead of staying at {@code embedding}; once Chroma answers again the document is retried by
 * itself. Skipped without a Chroma URL, failing under {@code CI=true} (see {@link DocqaChromaTests}).
 */
@AppTest
@TestPropertySource(properties = { "eaw.docqa.vector-store=chroma", "eaw.chroma.collection=eaw-outage-test-${random.uuid}",
		"eaw.chroma.read-timeout=5s", "eaw.docqa.retry-interval=1s" })
class DocqaChromaOutageTests {

	static final String BASE = "/api/docqa/collections/chroma-outage";

	static final Duration HANG = Duration.ofSeconds(20);

	static TcpProxy proxy;

	@BeforeAll
	static void chromaServer() {
		DocqaChromaTests.chromaServer();
	}

	@DynamicPropertySource
	static void chromaUrl(DynamicPropertyRegistry registry) {
		registry.add("eaw.chroma.url", () -> {
			if (proxy == null) {
				String url = DocqaChromaTests.url();
				URI chroma = URI.create(url == null || url.isBlank() ? "http://127.0.0.1:1" : url);
				proxy = new TcpProxy(chroma.getHost(), chroma.getPort());
			}
			return "http://127.0.0.1:" + proxy.port();
		});
	}

	@AfterAll
	static void closeProxy() {
		if (proxy != null) {
			proxy.close();
		}
	}

	@LocalServerPort
	int port;

	@Test
	void degradesToBm25WhileChromaIsDownAndRecoversWithoutARestart() throws InterruptedException {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(admin.postJson("/api/docqa/collections", "{\"name\": \"chroma-outage\"}").statusCode()).isEqualTo(201);
		long ready = upload(admin, "roastery.md", """
				# Roastery

				The roastery shop opens at half past seven on weekdays.

				Descale the Zephyr boilers every four weeks with citric acid.
				""");
		assertThat(waitFor(admin, ready, "ready"::equals).path("status").asString()).isEqualTo("ready");
		assertThat(docqaHealth(admin).path("status").asString()).isEqualTo("UP");

		proxy.stop();

		long started = System.nanoTime();
		HttpResponse<String> hybrid = admin.get(BASE + "/search?q=when+does+the+shop+open");
		assertThat(hybrid.statusCode()).isEqualTo(200);
		assertThat(hybrid.headers().firstValue("Eaw-Degraded")).hasValue("true");
		assertThat(hybrid.headers().firstValue("Eaw-Notice").orElse("")).contains("vector store is not reachable");
		JsonNode hits = Http.json(hybrid);
		assertThat(hits.get(0).path("text").asString()).contains("half past seven");
		assertThat(hits.get(0).path("denseScore").isNull()).isTrue();

		HttpResponse<String> dense = admin.get(BASE + "/search?mode=dense&q=removing+limescale");
		assertThat(dense.statusCode()).isEqualTo(503);
		assertThat(Http.json(dense).path("detail").asString()).isEqualTo("The vector store is not reachable.");

		JsonNode answer = Http.json(admin.postJson(BASE + "/ask", "{\"question\": \"When does the shop open?\"}"));
		assertThat(answer.path("answer").asString()).contains("half past seven");
		assertThat(answer.path("degraded").asBoolean()).isTrue();
		assertThat(answer.path("notice").asString()).contains("vector store is not reachable");
		StreamedEvents streamed = StreamedEvents.of(admin.postJson(BASE + "/ask/stream",
				"{\"question\": \"When does the shop open?\"}").body());
		assertThat(String.join("", streamed.tokens())).contains("half past seven");
		assertThat(streamed.last().get("done").path("degraded").asBoolean()).isTrue();

		JsonNode health = docqaHealth(admin);
		assertThat(health.path("status").asString()).isEqualTo("DOWN");
		assertThat(health.path("details").path("error").asString()).contains("vector store is not reachable");

		String notes = "# Notes\n\nThe cupping room seats twelve tasters on Fridays.\n";
		long failed = upload(admin, "notes.md", notes);
		JsonNode failure = waitFor(admin, failed, "failed"::equals);
		assertThat(failure.path("status").asString()).isEqualTo("failed");
		assertThat(failure.path("reason").asString())
			.isEqualTo("The vector store was not reachable; the document will be retried automatically.");
		JsonNode again = Http.json(admin.uploadFiles(BASE + "/documents", Map.of("notes-again.md", utf8(notes))));
		assertThat(again.get(0).path("status").asString()).isEqualTo("retried");
		assertThat(again.get(0).path("id").asLong()).isEqualTo(failed);
		assertThat(waitFor(admin, failed, "failed"::equals).path("status").asString()).isEqualTo("failed");
		assertThat(System.nanoTime() - started).as("the outage answered without hanging")
			.isLessThan(HANG.multipliedBy(2).toNanos());

		proxy.start();

		assertThat(waitFor(admin, failed, "ready"::equals).path("status").asString()).as("retried by itself")
			.isEqualTo("ready");
		HttpResponse<String> recovered = admin.get(BASE + "/search?q=how+many+tasters+does+the+cupping+room+seat");
		assertThat(recovered.headers().firstValue("Eaw-Degraded")).isEmpty();
		assertThat(Http.json(recovered).get(0).path("text").asString()).contains("twelve tasters");
		assertThat(Http.json(admin.get(BASE + "/search?mode=dense&q=removing+limescale")).get(0).path("text").asString())
			.contains("citric acid");
		assertThat(docqaHealth(admin).path("status").asString()).isEqualTo("UP");
		assertThat(admin.postJson(BASE + "/documents/" + failed + "/retry", "{}").statusCode()).as("only failed documents")
			.isEqualTo(409);
		assertThat(admin.delete(BASE).statusCode()).isEqualTo(204);
	}

	private long upload(Http admin, String name, String text) {
		JsonNode uploaded = Http.json(admin.uploadFiles(BASE + "/documents", Map.of(name, utf8(text))));
		assertThat(uploaded.get(0).path("status").asString()).isEqualTo("queued");
		return uploaded.get(0).path("id").asLong();
	}

	/** The document once its status passes the test, within a generous bound. */
	private static JsonNode waitFor(Http admin, long id, Predicate<String> status) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			JsonNode document = Http.json(admin.get(BASE + "/documents/" + id)).path("document");
			if (status.test(document.path("status").asString()) || System.nanoTime() > deadline) {
				return document;
			}
			Thread.sleep(200);
		}
	}

	private static JsonNode docqaHealth(Http admin) {
		return Http.json(admin.get("/actuator/health")).path("components").path("modules").path("components").path("docqa");
	}

}
