package dev.eaw.insights.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.eaw.kernel.LlmSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real langchain4j OpenAI client against a local HTTP server that speaks the chat-completions protocol, as a
 * paid LLM API would: what is sent, what comes back, and Azure's api-key header.
 */
class LlmClientTests {

	private HttpServer server;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final List<String> keys = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", this::complete);
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private void complete(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		bodies.add(body.replaceAll("\\s*:\\s*", ":"));
		keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")) + "|"
				+ exchange.getRequestHeaders().getFirst("api-key"));
		String answer = body.contains("Translate") ? "Bonjour le monde" : "Hello from the test model";
		byte[] response = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
				+ "\"model\":\"test-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
				+ answer + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,"
				+ "\"total_tokens\":16}}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, response.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(response);
		}
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	@Test
	void completesThroughTheOpenAiProtocol() {
		LlmClient llm = new LlmClient(new LlmSettings("openai", baseUrl(), "test-model", "sk-test"));
		assertThat(llm.configured()).isTrue();
		assertThat(llm.complete(null, "Say hello")).isEqualTo("Hello from the test model");
		assertThat(bodies.get(0)).contains("\"model\":\"test-model\"", "Say hello");
		assertThat(keys.get(0)).startsWith("Bearer sk-test|");
	}

	@Test
	void translatesWithLanguageCodes() {
		LlmClient llm = new LlmClient(new LlmSettings("ollama", baseUrl(), "llama3.2", null));
		assertThat(llm.translate("Hello world", "en", "fr")).isEqualTo("Bonjour le monde");
		assertThat(bodies.get(0)).contains("Hello world", "'en'", "'fr'", "\"model\":\"llama3.2\"");
	}

	@Test
	void azureGetsItsApiKeyHeader() {
		LlmClient llm = new LlmClient(new LlmSettings("azure-openai", baseUrl(), "gpt-4o-mini", "azure-secret"));
		llm.complete("gpt-4o-mini", "Hi");
		assertThat(keys.get(0)).endsWith("|azure-secret");
	}

	@Test
	void aSilentLlmTimesOutOnceThenIsLeftAloneForAWhile() throws IOException {
		try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			LlmClient llm = new LlmClient(new LlmSettings("openai", "http://127.0.0.1:" + silent.getLocalPort() + "/v1",
					"test-model", "sk-test", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)));
			long started = System.nanoTime();
			assertThatThrownBy(() -> llm.complete(null, "Hi")).isInstanceOf(LlmClient.Unavailable.class)
				.hasMessage("The language model did not answer");
			assertThatThrownBy(() -> llm.translate("Hello", "en", "fr")).isInstanceOf(LlmClient.Unavailable.class);
			assertThat(System.nanoTime() - started).as("did not hang").isLessThan(java.time.Duration.ofSeconds(20).toNanos());
		}
		assertThat(bodies).isEmpty();
	}

	@Test
	void withoutAnLlmTheErrorSaysHowToConfigureOne() {
		LlmClient llm = new LlmClient(new LlmSettings(null, null, null, null));
		assertThat(llm.configured()).isFalse();
		assertThatThrownBy(() -> llm.complete(null, "Hi")).hasMessageContaining("EAW_LLM_PROVIDER");
	}

}
