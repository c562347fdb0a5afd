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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Azure OpenAI "On Your Data" options that reach the language model ({@code role_information}, {@code in_scope}),
 * against a local server speaking OpenAI's chat-completions protocol (as in {@link DocqaLlmTests}) that answers from
 * the sources it is sent and, only when its system message allows general knowledge, from what it knows. Reference:
 * https://learn.microsoft.com/en-us/azure/ai-services/openai/references/on-your-data and
 * https://learn.microsoft.com/en-us/azure/ai-services/openai/references/azure-search ({@code in_scope}: "whether
 * queries should be restricted to use of indexed data"; {@code role_information}: instructions to the model).
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocqaAskOptionsLlmTests {

	static final String BASE = "/api/docqa/collections/azure-llm";

	static final String STANDALONE = "How many days of paid annual leave do employees get?";

	static final String ROLE = "You are the HR assistant of Contoso. Answer politely and in one sentence.";

	private static final Pattern SOURCE = Pattern.compile("^\\[(\\d+)] (.*)$", Pattern.MULTILINE);

	static final HttpServer SERVER = FakeOpenAi.start(DocqaAskOptionsLlmTests::complete);

	/** Every request's messages, as role: content. */
	static final List<List<String>> REQUESTS = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void llm(DynamicPropertyRegistry properties) {
		FakeOpenAi.configure(properties, SERVER);
	}

	@LocalServerPort
	int port;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void upload() {
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"azure-llm\"}").statusCode()).isEqualTo(201);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("leave.md", DocqaFixtures.utf8(DocqaAskOptionsTests.LEAVE));
		files.put("canteen.md", DocqaFixtures.utf8("# Canteen\n\nThe canteen serves soup on Mondays and fish on "
				+ "Fridays.\n"));
		assertThat(admin().uploadFiles(BASE + "/documents", files).statusCode()).isEqualTo(202);
		DocqaAskOptionsTests.awaitReady(admin(), BASE, 2);
	}

	@BeforeEach
	void forget() {
		REQUESTS.clear();
	}

	@AfterAll
	void stop() {
		SERVER.stop(0);
	}

	JsonNode ask(String json) {
		HttpResponse<String> response = admin().postJson(BASE + "/ask", json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	@Test
	void roleInformationOpensTheSystemMessageBeforeTheGroundingRules() {
		JsonNode answer = ask("{\"question\": \"How many days of paid annual leave do employees get?\", "
				+ "\"role_information\": \"" + ROLE + "\"}");
		assertThat(answer.path("answer").asString()).contains("twenty-eight days");
		assertThat(REQUESTS).hasSize(1);
		String system = REQUESTS.get(0).get(0);
		assertThat(system).startsWith("system: " + ROLE + "\n\n")
			.contains("Use only the numbered sources", "No answer found in these documents.");
		REQUESTS.clear();
		ask("{\"question\": \"How many days of paid annual leave do employees get?\"}");
		assertThat(REQUESTS.get(0).get(0)).startsWith("system: You answer questions").doesNotContain(ROLE);
	}

	@Test
	void inScopeFalseLetsTheModelAnswerFromGeneralKnowledgeMarkedAsSuch() {
		JsonNode scoped = ask("{\"question\": \"What is the capital of France?\"}");
		assertThat(scoped.path("answer").asString()).isEqualTo("No answer found in these documents.");
		assertThat(scoped.path("grounded").asBoolean()).isTrue();
		assertThat(scoped.has("notice")).isFalse();
		assertThat(REQUESTS.get(0).get(0)).doesNotContain("general knowledge");
		REQUESTS.clear();

		JsonNode open = ask("{\"question\": \"What is the capital of France?\", \"in_scope\": false, "
				+ "\"role_information\": \"" + ROLE + "\"}");
		assertThat(open.path("mode").asString()).isEqualTo("llm");
		assertThat(open.path("answer").asString()).isEqualTo("The capital of France is Paris.");
		assertThat(open.path("citations").size()).isZero();
		assertThat(open.path("grounded").asBoolean()).isFalse();
		assertThat(open.path("notice").asString()).contains("not from the documents", "general knowledge");
		assertThat(REQUESTS.get(0).get(0)).startsWith("system: " + ROLE).contains("general knowledge");
	}

	@Test
	void inScopeFalseStillCitesTheDocumentsWhenTheyHoldTheAnswer() {
		JsonNode answer = ask("{\"question\": \"How many days of paid annual leave do employees get?\", "
				+ "\"in_scope\": false, \"include_contexts\": [\"all_retrieved_documents\"]}");
		assertThat(answer.path("answer").asString()).contains("twenty-eight days", "[1]");
		assertThat(answer.path("grounded").asBoolean()).isTrue();
		assertThat(answer.path("citations").get(0).path("filepath").asString()).isEqualTo("leave.md");
		JsonNode contexts = answer.path("all_retrieved_documents");
		assertThat(contexts.valueStream().map(c -> c.path("reason").asString())).containsExactly("cited", "not cited");
		assertThat(contexts.get(0).path("filepath").asString()).isEqualTo("leave.md");
	}

	@Test
	void inScopeFalseWithNoMatchingDocumentsStillAsksTheModel() {
		JsonNode none = ask("{\"question\": \"What is the capital of France?\", "
				+ "\"filter\": {\"metadata\": {\"department\": \"Nobody\"}}}");
		assertThat(none.path("answer").asString()).isEqualTo("No answer found in these documents.");
		assertThat(REQUESTS).isEmpty();
		JsonNode open = ask("{\"question\": \"What is the capital of France?\", \"in_scope\": false, "
				+ "\"filter\": {\"metadata\": {\"department\": \"Nobody\"}}}");
		assertThat(open.path("answer").asString()).isEqualTo("The capital of France is Paris.");
		assertThat(open.path("grounded").asBoolean()).isFalse();
		assertThat(REQUESTS.get(0).get(1)).contains("Sources: none");
	}

	@Test
	void theIntentOfAFollowUpIsTheRewrittenQuestion() {
		JsonNode first = ask("{\"question\": \"What does the canteen serve?\"}");
		assertThat(first.path("intent").asString()).isEqualTo("What does the canteen serve?");
		JsonNode followUp = ask("{\"question\": \"And what about leave days?\", \"conversationId\": \""
				+ first.path("conversationId").asString() + "\", \"include_contexts\": [\"intent\", "
				+ "\"all_retrieved_documents\"]}");
		assertThat(followUp.path("intent").asString()).isEqualTo(STANDALONE);
		assertThat(followUp.path("rewrittenQuestion").asString()).isEqualTo(STANDALONE);
		assertThat(followUp.path("all_retrieved_documents").get(0).path("search_queries").get(0).asString())
			.isEqualTo(STANDALONE);
		assertThat(followUp.path("answer").asString()).contains("twenty-eight days");
	}

	@Test
	void theStreamMarksAGeneralKnowledgeAnswerToo() {
		HttpResponse<String> response = admin().postJson(BASE + "/ask/stream",
				"{\"question\": \"What is the capital of France?\", \"in_scope\": false}");
		assertThat(response.statusCode()).isEqualTo(200);
		StreamedEvents events = StreamedEvents.of(response.body());
		assertThat(String.join("", events.tokens())).isEqualTo("The capital of France is Paris.");
		JsonNode done = events.last().get("done");
		assertThat(done.path("grounded").asBoolean()).isFalse();
		assertThat(done.path("notice").asString()).contains("general knowledge");
		assertThat(done.path("intent").asString()).isEqualTo("What is the capital of France?");
	}

	// The fake model.

	private static void complete(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode request = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
			List<String> messages = FakeOpenAi.messages(request);
			REQUESTS.add(messages);
			String user = messages.get(messages.size() - 1);
			String reply = user.contains("Standalone question") ? STANDALONE : answer(messages.get(0), user);
			if (request.path("stream").asBoolean()) {
				FakeOpenAi.stream(exchange, List.of(reply.split("(?<= )")), 50, 8);
			}
			else {
				FakeOpenAi.respond(exchange, reply, 50, 8);
			}
		}
	}

	/** From the sources with their number; from general knowledge only when the system message allows it. */
	private static String answer(String system, String user) {
		String question = user.substring(user.indexOf("Question:"));
		Matcher matcher = SOURCE.matcher(user);
		while (matcher.find()) {
			if (matcher.group(2).contains("twenty-eight days") && question.contains("leave")) {
				return "Employees get twenty-eight days of paid annual leave [" + matcher.group(1) + "].";
			}
		}
		if (system.contains("general knowledge") && question.contains("capital of France")) {
			return "The capital of France is Paris.";
		}
		return "No answer found in these documents.";
	}

}
