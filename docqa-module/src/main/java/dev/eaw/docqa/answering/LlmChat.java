package dev.eaw.docqa.answering;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.Answer.Usage;
import dev.eaw.kernel.LlmSettings;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The configured LLM, spoken to through langchain4j's OpenAI-compatible client (OpenAI, Azure OpenAI's {@code api-key}
 * header, Ollama's {@code /v1}), whole or streamed. Streamed tokens are handed to the caller's thread, so a servlet
 * response is only ever written by the request's own thread.
 */
public final class LlmChat {

	/** A reply: its text and the tokens it cost. */
	public record Reply(String text, Usage usage) {
	}

	private final ChatModel chat;

	private final StreamingChatModel streaming;

	private final Duration readTimeout;

	public LlmChat(LlmSettings settings) {
		if (!settings.configured()) {
			throw new IllegalStateException(LlmSettings.howToConfigure());
		}
		boolean azure = "azure-openai".equalsIgnoreCase(settings.provider());
		String key = settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey();
		String apiKey = azure ? "unused" : key;
		Map<String, String> headers = azure ? Map.of("api-key", key) : Map.of();
		this.readTimeout = settings.readTimeout();
		this.chat = OpenAiChatModel.builder()
			.baseUrl(settings.baseUrl())
			.modelName(settings.model())
			.apiKey(apiKey)
			.customHeaders(headers)
			.temperature(0.0)
			.httpClientBuilder(new LlmTimeouts(settings.connectTimeout(), settings.readTimeout()))
			.maxRetries(1)
			.build();
		this.streaming = OpenAiStreamingChatModel.builder()
			.baseUrl(settings.baseUrl())
			.modelName(settings.model())
			.apiKey(apiKey)
			.customHeaders(headers)
			.temperature(0.0)
			.httpClientBuilder(new LlmTimeouts(settings.connectTimeout(), settings.readTimeout()))
			.build();
	}

	/** The model did not answer: refused, timed out, or failed (after its one retry). */
	public static final class Failed extends RuntimeException {

		Failed(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	public Reply chat(List<ChatMessage> messages) {
		ChatResponse response;
		try {
			response = chat.chat(messages);
		}
		catch (RuntimeException ex) {
			throw new Failed("The LLM failed: " + ex, ex);
		}
		return new Reply(String.valueOf(response.aiMessage().text()), usage(response.tokenUsage()));
	}

	/**
	 * The reply streamed: each token is given to {@code tokens} on the calling thread as it arrives; the model failing
	 * or staying silent for the read timeout is {@link Failed}.
	 */
	public Reply stream(List<ChatMessage> messages, Consumer<String> tokens) {
		BlockingQueue<Object> events = new LinkedBlockingQueue<>();
		try {
			streaming.chat(messages, handler(events));
		}
		catch (RuntimeException ex) {
			throw new Failed("The LLM failed: " + ex, ex);
		}
		StringBuilder text = new StringBuilder();
		while (true) {
			Object event;
			try {
				event = events.poll(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while the LLM answered", ex);
			}
			if (event == null) {
				throw new Failed("The LLM was silent for " + readTimeout.toSeconds() + " s", null);
			}
			if (event instanceof String token) {
				text.append(token);
				tokens.accept(token);
			}
			else if (event instanceof ChatResponse response) {
				return new Reply(text.toString(), usage(response.tokenUsage()));
			}
			else {
				throw new Failed("The LLM failed: " + event, (Throwable) event);
			}
		}
	}

	/** Hands the stream's events to the queue the calling thread reads. */
	private static StreamingChatResponseHandler handler(BlockingQueue<Object> events) {
		return new StreamingChatResponseHandler() {
			@Override
			public void onPartialResponse(String token) {
				events.add(token);
			}

			@Override
			public void onCompleteResponse(ChatResponse response) {
				events.add(response);
			}

			@Override
			public void onError(Throwable error) {
				events.add(error);
			}
		};
	}

	private static Usage usage(@Nullable TokenUsage usage) {
		if (usage == null) {
			return Usage.NONE;
		}
		int prompt = orZero(usage.inputTokenCount());
		int completion = orZero(usage.outputTokenCount());
		Integer total = usage.totalTokenCount();
		return new Usage(prompt, completion, total == null ? prompt + completion : total);
	}

	private static int orZero(@Nullable Integer count) {
		return count == null ? 0 : count;
	}

}
