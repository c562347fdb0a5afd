package dev.eaw.web.docqa;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

/**
 * Pieces of a local server speaking OpenAI's chat-completions protocol, for the tests of answers written by a language
 * model: whole replies and streamed ones ({@code text/event-stream} chunks, then {@code data: [DONE]}).
 */
public final class FakeOpenAi {

	private FakeOpenAi() {
	}

	/** A server on a free local port answering {@code /v1/chat/completions} with the handler. */
	public static HttpServer start(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/chat/completions", handler);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Points the app's LLM settings at the server. */
	public static void configure(DynamicPropertyRegistry properties, HttpServer server) {
		properties.add("eaw.llm.provider", () -> "openai");
		properties.add("eaw.llm.base-url", () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
		properties.add("eaw.llm.model", () -> "test-model");
		properties.add("eaw.llm.api-key", () -> "sk-test");
	}

	/** A request's messages as {@code role: content}. */
	public static List<String> messages(JsonNode request) {
		List<String> messages = new ArrayList<>();
		for (JsonNode message : request.path("messages")) {
			messages.add(message.path("role").asString() + ": " + message.path("content").asString());
		}
		return messages;
	}

	public static void respond(HttpExchange exchange, String content, int prompt, int completion) throws IOException {
		String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"test-model\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(content)
				+ "},\"finish_reason\":\"stop\"}]," + usage(prompt, completion) + "}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	static void stream(HttpExchange exchange, List<String> tokens, int prompt, int completion) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		String head = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"test-model\",";
		send(out, head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
		for (String token : tokens) {
			send(out, head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(token) + "},\"finish_reason\":null}]}");
		}
		send(out, head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
		send(out, head + "\"choices\":[]," + usage(prompt, completion) + "}");
		send(out, "[DONE]");
	}

	private static void send(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String usage(int prompt, int completion) {
		return "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
				+ (prompt + completion) + "}";
	}

	private static String quote(String text) {
		return Http.JSON.writeValueAsString(text);
	}

}
