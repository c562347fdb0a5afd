package dev.eaw.insights.ai;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eaw.kernel.LlmSettings;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Completion and translation through the configured LLM (langchain4j's OpenAI-compatible client, which also speaks
 * to Azure OpenAI and Ollama). Without one, every call fails with a message saying how to configure it. A call waits
 * at most {@code eaw.llm.read-timeout} (for connecting too) and is retried once; when it still fails, the LLM is left
 * alone for {@link #PAUSE}: calls meanwhile fail at once with the same {@link Unavailable}, so a silent LLM costs a
 * query one timeout, not one per row.
 */
public final class LlmClient {

	/** How long the LLM is left alone after a call failed. */
	public static final Duration PAUSE = Duration.ofSeconds(30);

	/** The LLM did not answer (or failed less than {@link #PAUSE} ago). */
	public static final class Unavailable extends IllegalStateException {

		Unavailable(@Nullable Throwable cause) {
			super("The language model did not answer", cause);
		}

	}

	private static final Logger log = LoggerFactory.getLogger(LlmClient.class);

	private volatile long failedAt = System.nanoTime() - PAUSE.toNanos();

	private final LlmSettings settings;

	private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

	public LlmClient(LlmSettings settings) {
		this.settings = settings;
	}

	public boolean configured() {
		return settings.configured();
	}

	/** The default model's name, or "none". */
	public String modelName() {
		return configured() ? String.valueOf(settings.model()) : "none";
	}

	public String complete(@Nullable String model, String prompt) {
		return guarded(chat(model), prompt);
	}

	/** The model's reply, or {@link Unavailable} when it fails or failed less than {@link #PAUSE} ago. */
	private String guarded(ChatModel model, String prompt) {
		if (System.nanoTime() - failedAt < PAUSE.toNanos()) {
			throw new Unavailable(null);
		}
		try {
			return model.chat(prompt);
		}
		catch (RuntimeException ex) {
			failedAt = System.nanoTime();
			log.warn("The LLM did not answer; LLM calls fail at once for the next {} s: {}", PAUSE.toSeconds(),
					ex.toString());
			throw new Unavailable(ex);
		}
	}

	public String translate(String text, String from, String to) {
		String source = from.isBlank() ? "the source language (detect it)" : "language code '" + from + "'";
		String prompt = "Translate the text between <text> tags from " + source + " to language code '" + to
				+ "'. Reply with the translation only, no notes.\n<text>" + text + "</text>";
		return guarded(chat(null), prompt).strip();
	}

	private ChatModel chat(@Nullable String requested) {
		if (!configured()) {
			throw new IllegalStateException(LlmSettings.howToConfigure());
		}
		String model = requested == null || requested.isBlank() ? String.valueOf(settings.model()) : requested;
		return models.computeIfAbsent(model, this::build);
	}

	private ChatModel build(String model) {
		boolean azure = "azure-openai".equalsIgnoreCase(settings.provider());
		String key = settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey();
		var builder = OpenAiChatModel.builder()
			.baseUrl(settings.baseUrl())
			.modelName(model)
			.temperature(0.0)
			.timeout(settings.readTimeout())
			.maxRetries(1);
		if (azure) {
			builder.apiKey("unused").customHeaders(Map.of("api-key", key));
		}
		else {
			builder.apiKey(key);
		}
		return builder.build();
	}

}
