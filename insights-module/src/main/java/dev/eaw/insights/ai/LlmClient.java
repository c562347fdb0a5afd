package dev.eaw.insights.ai;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.LlmSettings;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Completion and translation through the configured LLM (langchain4j's OpenAI-compatible client, which also speaks
 * to Azure OpenAI and Ollama). Without one, every call fails with a message saying how to configure it.
 */
public final class LlmClient {

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
		return chat(model).chat(prompt);
	}

	public String translate(String text, String from, String to) {
		String source = from.isBlank() ? "the source language (detect it)" : "language code '" + from + "'";
		String prompt = "Translate the text between <text> tags from " + source + " to language code '" + to
				+ "'. Reply with the translation only, no notes.\n<text>" + text + "</text>";
		return chat(null).chat(prompt).strip();
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
			.timeout(Duration.ofSeconds(60))
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
