package dev.eaw.kernel;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The large language model every module may use, if one is configured ({@code EAW_LLM_*}). All providers are spoken
 * to through the OpenAI chat-completions protocol, which OpenAI, Azure OpenAI (its {@code /openai/v1} endpoint) and
 * Ollama ({@code http://localhost:11434/v1}) all serve.
 *
 * @param provider {@code openai}, {@code azure-openai} or {@code ollama}; blank for none
 * @param baseUrl the API's base URL, e.g. {@code https://api.openai.com/v1}
 * @param model the model name, e.g. {@code gpt-4o-mini} or {@code llama3.2}
 * @param apiKey the key (sent as a Bearer token, or as {@code api-key} for Azure)
 * @param connectTimeout how long a call waits to connect ({@code EAW_LLM_CONNECT_TIMEOUT}, default 2 s)
 * @param readTimeout how long a call waits for the model's answer, or between two streamed tokens
 * ({@code EAW_LLM_READ_TIMEOUT}, default 30 s); a call is retried once at most, then the caller falls back
 */
@ConfigurationProperties("eaw.llm")
public record LlmSettings(@Nullable String provider, @Nullable String baseUrl, @Nullable String model,
		@Nullable String apiKey, @DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

	@ConstructorBinding
	public LlmSettings {
	}

	/** The settings with the default timeouts. */
	public LlmSettings(@Nullable String provider, @Nullable String baseUrl, @Nullable String model,
			@Nullable String apiKey) {
		this(provider, baseUrl, model, apiKey, Duration.ofSeconds(2), Duration.ofSeconds(30));
	}

	public boolean configured() {
		return provider != null && !provider.isBlank() && baseUrl != null && !baseUrl.isBlank() && model != null
				&& !model.isBlank();
	}

	/** What to tell someone who called an LLM function without one. */
	public static String howToConfigure() {
		return "No LLM is configured. Set EAW_LLM_PROVIDER (openai, azure-openai or ollama), EAW_LLM_BASE_URL, "
				+ "EAW_LLM_MODEL and, where needed, EAW_LLM_API_KEY, then restart.";
	}

}
