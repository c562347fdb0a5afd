package dev.eaw.web.docqa;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document Q&amp;A with an LLM: the app's real langchain4j client talks to a local HTTP server that speaks OpenAI's
 * chat-completions protocol, whole and streamed ({@code text/event-stream} chunks, then {@code data: [DONE]}). The
 * server answers from the numbered sources it is sent, citing the one that holds the fact, as a grounded model would.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocqaLlmTests {

	static final String BASE = "/api/docqa/collections/lighthouse-llm";

	static final String REWRITTEN = "What is the height of the Bellhaven lighthouse?";

	private static final Pattern SOURCE = Pattern.compile("^\\[(\\d+)] (.*)$", Pattern.MULTILINE);

	static final HttpServer SERVER = FakeOpenAi.start(DocqaLlmTests::complete);

	/** Every request's messages, as role: content. */
	static final List<List<String>> REQUESTS = new CopyOnWriteArrayList<>();

	/** The tokens of the last streamed answer, in the order they were sent. */
	static final List<String> STREAMED = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void llm(DynamicPropertyRegistry properties) {
		FakeOpenAi.configure(properties, SERVER);
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	long manualId;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void uploadTheLighthouseManual() {
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"lighthouse-llm\"}").statusCode())
			.isEqualTo(201);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("bellhaven.pdf", DocqaFixtures.pdf(List.of(
				List.of("Bellhaven Lighthouse", "", "The Bellhaven lighthouse was built in 1871 on the northern cliffs.",
						"Its keepers lived in the white cottage beside the tower."),
				List.of("Technical data", "", "The Bellhaven lighthouse is 42 metres tall.",
						"Its light reaches twenty nautical miles out to sea."))));
		files.put("canteen.md", DocqaFixtures.utf8("# Canteen\n\nThe canteen serves soup on Mondays and fish on Fridays.\n"));
		HttpResponse<String> response = admin().uploadFiles(BASE + "/documents", files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		for (JsonNode outcome : Http.json(response)) {
			if (outcome.path("fileName").asString().equals("bellhaven.pdf")) {
				manualId = outcome.path("id").asLong();
			}
		}
		DocqaAskOptionsTests.awaitReady(admin(), BASE, 2);
	}

	@BeforeEach
	void forget() {
		REQUESTS.clear();
		STREAMED.clear();
	}

	@AfterAll
	void stop() {
		SERVER.stop(0);
	}

	@Test
	void theModelGetsNumberedSourcesAndItsCitationPointsToThePage() {
		double before = meters.counter("eaw.docqa.llm.tokens", "kind", "prompt").count();
		JsonNode answer = Http.json(admin().postJson(BASE + "/ask", "{\"question\": \"How tall is the Bellhaven lighthouse?\"}"));
		assertThat(answer.path("mode").asString()).isEqualTo("llm");
		assertThat(answer.path("answer").asString()).contains("42 metres").containsPattern("\\[\\d]");
		assertThat(answer.path("citations").size()).isEqualTo(1);
		JsonNode citation = answer.path("citations").get(0);
		assertThat(answer.path("answer").asString()).contains("[" + citation.path("number").asInt() + "]");
		assertThat(citation.path("documentId").asLong()).isEqualTo(manualId);
		assertThat(citation.path("page").asInt()).isEqualTo(2);
		assertThat(citation.path("snippet").asString()).contains("42 metres");
		assertThat(answer.path("usage").path("prompt").asInt()).isEqualTo(120);
		assertThat(answer.path("usage").path("completion").asInt()).isEqualTo(9);
		assertThat(answer.path("usage").path("total").asInt()).isEqualTo(129);
		assertThat(answer.path("conversationId").asString()).isNotBlank();
		assertThat(answer.path("rewrittenQuestion").isNull() || answer.path("rewrittenQuestion").isMissingNode()).isTrue();
		assertThat(answer.path("latencyMs").asLong()).isNotNegative();
		assertThat(meters.counter("eaw.docqa.llm.tokens", "kind", "prompt").count()).isEqualTo(before + 120);

		assertThat(REQUESTS).hasSize(1);
		List<String> messages = REQUESTS.get(0);
		assertThat(messages.get(0)).startsWith("system:").contains("only", "[1]", "No answer found in these documents.");
		assertThat(messages.get(1)).startsWith("user:")
			.contains("Sources:\n[1] bellhaven, page ", "bellhaven, page 2: ", "The Bellhaven lighthouse is 42 metres tall.",
					"Question: How tall is the Bellhaven lighthouse?");
	}

	@Test
	void aRefusalHasNoCitations() {
		JsonNode answer = Http.json(admin().postJson(BASE + "/ask",
				"{\"question\": \"Which team won the football world cup in 1974?\"}"));
		assertThat(answer.path("mode").asString()).isEqualTo("llm");
		assertThat(answer.path("answer").asString()).isEqualTo("No answer found in these documents.");
		assertThat(answer.path("citations").size()).isZero();
	}

	@Test
	void aFollowUpIsRewrittenWithTheHistoryBeforeRetrieval() {
		JsonNode first = Http.json(admin().postJson(BASE + "/ask",
				"{\"question\": \"When was the Bellhaven lighthouse built?\"}"));
		String conversation = first.path("conversationId").asString();
		assertThat(first.path("answer").asString()).contains("1871");
		assertThat(first.path("citations").get(0).path("page").asInt()).isEqualTo(1);
		REQUESTS.clear();

		JsonNode followUp = Http.json(admin().postJson(BASE + "/ask",
				"{\"question\": \"What about its height?\", \"conversationId\": \"" + conversation + "\"}"));
		assertThat(followUp.path("conversationId").asString()).isEqualTo(conversation);
		assertThat(followUp.path("rewrittenQuestion").asString()).isEqualTo(REWRITTEN);
		assertThat(REQUESTS).hasSize(2);
		assertThat(REQUESTS.get(0).get(1)).contains("User: When was the Bellhaven lighthouse built?",
				"Assistant: " + first.path("answer").asString(), "Follow-up question: What about its height?");
		assertThat(REQUESTS.get(1).get(1)).contains("Question: " + REWRITTEN, "42 metres");
		assertThat(followUp.path("citations").get(0).path("page").asInt()).isEqualTo(2);
		assertThat(followUp.path("usage").path("total").asInt()).isEqualTo(30 + 129);
	}

	@Test
	void theStreamCarriesTheModelsTokensInOrder() {
		HttpResponse<String> response = admin().postJson(BASE + "/ask/stream",
				"{\"question\": \"How tall is the Bellhaven lighthouse?\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		StreamedEvents events = StreamedEvents.of(response.body());
		List<String> names = events.names();
		List<String> tokens = events.tokens();
		Map<String, JsonNode> last = events.last();
		assertThat(STREAMED).hasSizeGreaterThan(3);
		assertThat(tokens).containsExactlyElementsOf(STREAMED);
		assertThat(names.get(0)).isEqualTo("retrieval");
		assertThat(names.subList(names.size() - 2, names.size())).containsExactly("citations", "done");
		assertThat(last.get("citations").get(0).path("page").asInt()).isEqualTo(2);
		assertThat(last.get("citations").get(0).path("documentId").asLong()).isEqualTo(manualId);
		assertThat(last.get("done").path("mode").asString()).isEqualTo("llm");
		assertThat(last.get("done").path("usage").path("total").asInt()).isEqualTo(129);
		assertThat(last.get("done").path("conversationId").asString()).isNotBlank();
	}

	// The fake model.

	private static void complete(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode request = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
			List<String> messages = FakeOpenAi.messages(request);
			REQUESTS.add(messages);
			String user = messages.get(messages.size() - 1);
			if (user.contains("Standalone question")) {
				FakeOpenAi.respond(exchange, REWRITTEN, 25, 5);
			}
			else if (request.path("stream").asBoolean()) {
				stream(exchange, List.of("The Bellhaven", " lighthouse is", " 42", " metres tall", " [" + source(user, "42 metres") + "]."));
			}
			else {
				FakeOpenAi.respond(exchange, answer(user), 120, 9);
			}
		}
	}

	/** A grounded answer: the fact with the number of the source that holds it, or the refusal. */
	private static String answer(String user) {
		String question = user.substring(user.indexOf("Question:"));
		if (question.contains("built")) {
			return "It was built in 1871 [" + source(user, "1871") + "].";
		}
		if (question.contains("tall") || question.contains("height")) {
			return "The Bellhaven lighthouse is 42 metres tall [" + source(user, "42 metres") + "].";
		}
		return "No answer found in these documents.";
	}

	private static String source(String user, String fact) {
		Matcher matcher = SOURCE.matcher(user);
		while (matcher.find()) {
			if (matcher.group(2).contains(fact)) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no source holds '" + fact + "': " + user);
	}

	private static void stream(HttpExchange exchange, List<String> tokens) throws IOException {
		STREAMED.addAll(tokens);
		FakeOpenAi.stream(exchange, tokens, 120, 9);
	}

}
