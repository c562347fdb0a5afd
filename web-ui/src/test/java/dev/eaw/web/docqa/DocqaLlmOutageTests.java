package dev.eaw.web.docqa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
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
 * An LLM that does not answer: its port refuses connections, or it accepts and stays silent. {@code …/ask} and
 * {@code …/ask/stream} give the extractive answer with a notice, within a generous bound (before: a 500, after 2.3 s
 * refused and 240 s silent); in the SQL box, LLM functions give NULL with one warning and SUMMARIZE the extractive
 * summary, without waiting a timeout for every row.
 */
class DocqaLlmOutageTests {

	static final String NOTICE = "The language model did not answer; this is an extractive answer from the documents.";

	static final Duration HANG = Duration.ofSeconds(20);

	/** A port nothing listens on. */
	static final int CLOSED = closedPort();

	/** A server that accepts connections and never answers. */
	static final ServerSocket SILENT = silentServer();

	@AfterAll
	static void closeSilent() throws IOException {
		SILENT.close();
	}

	@Nested
	@AppTest
	@TestPropertySource(properties = { "eaw.llm.provider=openai", "eaw.llm.model=test-model", "eaw.llm.api-key=sk-test" })
	class Refused {

		@DynamicPropertySource
		static void llm(DynamicPropertyRegistry properties) {
			properties.add("eaw.llm.base-url", () -> "http://127.0.0.1:" + CLOSED + "/v1");
		}

		@LocalServerPort
		int port;

		@Test
		void answersExtractivelyWithANotice() throws InterruptedException {
			fallsBack(port, "llm-refused");
		}

	}

	@Nested
	@AppTest
	@TestPropertySource(properties = { "eaw.llm.provider=openai", "eaw.llm.model=test-model", "eaw.llm.api-key=sk-test",
			"eaw.llm.read-timeout=2s" })
	class Silent {

		@DynamicPropertySource
		static void llm(DynamicPropertyRegistry properties) {
			properties.add("eaw.llm.base-url", () -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/v1");
		}

		@LocalServerPort
		int port;

		@Test
		void answersExtractivelyWithANotice() throws InterruptedException {
			fallsBack(port, "llm-silent");
		}

		/** The SQL box in the same app: a silent LLM costs a query one timeout, not one per row (before: 180 s). */
		@Test
		void sqlFallsBackWithoutWaitingForEveryRow() {
			Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
			// warm up (the first query plans slowly, the embedding model loads) so the bound below measures the LLM
			assertThat(admin.query("SELECT product, AI_SIMILARITY('a', 'b') FROM reviews LIMIT 1").statusCode())
				.isEqualTo(200);
			long started = System.nanoTime();
			var completed = admin.query("SELECT product, AI_COMPLETE('Say hi to ' || product) FROM reviews LIMIT 2");
			assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
			JsonNode result = Http.json(completed);
			assertThat(result.path("rows").get(0).get(1).isNull()).isTrue();
			assertThat(result.path("rows").get(1).get(1).isNull()).isTrue();
			assertThat(result.path("warnings").valueStream().map(JsonNode::asString).toList())
				.containsExactly("AI_COMPLETE: The language model did not answer (2 rows, returned NULL)");

			var summarized = admin.query("""
					SELECT SUMMARIZE('Solar panels turn sunlight into electricity. They are installed on roofs. Prices fell \
					sharply in the last decade. Many homes now use them. Cats sleep a lot. Storage batteries make solar \
					power usable at night.') AS summary""");
			assertThat(summarized.statusCode()).as(summarized.body()).isEqualTo(200);
			JsonNode summary = Http.json(summarized);
			assertThat(summary.path("rows").get(0).get(0).asString()).contains("Solar panels").doesNotContain("Cats sleep");
			assertThat(summary.path("warnings").get(0).asString())
				.isEqualTo("SUMMARIZE: The language model did not answer; extractive summaries instead (1 row)");
			assertThat(System.nanoTime() - started).as("did not hang").isLessThan(HANG.toNanos());
		}

	}

	static void fallsBack(int port, String collection) throws InterruptedException {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		String base = "/api/docqa/collections/" + collection;
		assertThat(admin.postJson("/api/docqa/collections", "{\"name\": \"" + collection + "\"}").statusCode())
			.isEqualTo(201);
		long id = Http.json(admin.uploadFiles(base + "/documents", Map.of("lighthouse.md", utf8("""
				# Bellhaven lighthouse

				The Bellhaven lighthouse is forty-two metres tall and was first lit in 1874.
				""")))).get(0).path("id").asLong();
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!Http.json(admin.get(base + "/documents/" + id)).path("document").path("status").asString().equals("ready")) {
			assertThat(System.nanoTime()).as("ingested").isLessThan(deadline);
			Thread.sleep(100);
		}

		long started = System.nanoTime();
		var asked = admin.postJson(base + "/ask", "{\"question\": \"How tall is the Bellhaven lighthouse?\"}");
		assertThat(asked.statusCode()).isEqualTo(200);
		JsonNode answer = Http.json(asked);
		assertThat(answer.path("mode").asString()).isEqualTo("extractive");
		assertThat(answer.path("notice").asString()).isEqualTo(NOTICE);
		assertThat(answer.path("answer").asString()).contains("forty-two metres");
		assertThat(answer.path("citations").size()).isPositive();

		StreamedEvents streamed = StreamedEvents.of(admin.postJson(base + "/ask/stream",
				"{\"question\": \"How tall is the Bellhaven lighthouse?\"}").body());
		assertThat(streamed.names()).contains("notice").endsWith("done");
		assertThat(streamed.last().get("notice").path("notice").asString()).isEqualTo(NOTICE);
		assertThat(String.join("", streamed.tokens())).contains("forty-two metres");
		assertThat(streamed.last().get("done").path("mode").asString()).isEqualTo("extractive");
		assertThat(streamed.last().get("done").path("notice").asString()).isEqualTo(NOTICE);
		assertThat(System.nanoTime() - started).as("did not hang").isLessThan(HANG.toNanos());
		assertThat(admin.delete(base).statusCode()).isEqualTo(204);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ServerSocket silentServer() {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			List<Socket> held = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						held.add(server.accept()); // read nothing, answer nothing
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "silent-llm");
			acceptor.setDaemon(true);
			acceptor.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
