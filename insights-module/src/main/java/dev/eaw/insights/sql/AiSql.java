package dev.eaw.insights.sql;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.ai.AiCache;
import dev.eaw.insights.ai.AiEngine;

/**
 * The AI functions as Calcite sees them: static methods with boxed, nullable types. A NULL input gives NULL; a
 * failing call gives NULL for that row and a warning in the response, as Cortex's AI functions do. The engine comes
 * from the running query's {@link QueryContext}.
 */
public final class AiSql {

	private AiSql() {
	}

	public static @Nullable Double sentiment(@Nullable String text) {
		return text == null ? null : call("SENTIMENT", () -> engine().sentiment(text), Double::valueOf, text);
	}

	public static @Nullable String summarize(@Nullable String text) {
		return text == null ? null : call("SUMMARIZE", () -> engine().summarize(text, reason -> {
			QueryContext context = QueryContext.current();
			if (context != null) {
				context.noted("SUMMARIZE", reason);
			}
		}), v -> v, text);
	}

	public static @Nullable String extractAnswer(@Nullable String text, @Nullable String question) {
		return text == null || question == null ? null
				: call("AI_EXTRACT_ANSWER", () -> engine().extractAnswer(text, question), v -> v.substring(v.indexOf('\t') + 1), text, question);
	}

	/** Cortex's EXTRACT_ANSWER: {@code [{"answer": "…", "score": 0.87}]}. */
	public static @Nullable String extractAnswerJson(@Nullable String text, @Nullable String question) {
		return text == null || question == null ? null
				: call("EXTRACT_ANSWER", () -> engine().extractAnswer(text, question), v -> {
					int tab = v.indexOf('\t');
					return "[{\"answer\": " + Json.string(v.substring(tab + 1)) + ", \"score\": " + v.substring(0, tab) + "}]";
				}, text, question);
	}

	public static @Nullable Double similarity(@Nullable String a, @Nullable String b) {
		return a == null || b == null ? null : call("AI_SIMILARITY", () -> engine().similarity(a, b), Double::valueOf, a, b);
	}

	public static @Nullable String embed(@Nullable String text) {
		return text == null ? null : call("AI_EMBED", () -> engine().embed(text), v -> v, text);
	}

	public static @Nullable String complete(@Nullable String prompt) {
		return prompt == null ? null : call("AI_COMPLETE", () -> engine().complete(null, prompt), v -> v, prompt);
	}

	public static @Nullable String completeWithModel(@Nullable String model, @Nullable String prompt) {
		return prompt == null ? null : call("COMPLETE", () -> engine().complete(model, prompt), v -> v, String.valueOf(model), prompt);
	}

	public static @Nullable String translate(@Nullable String text, @Nullable String from, @Nullable String to) {
		return text == null || to == null ? null
				: call("TRANSLATE", () -> engine().translate(text, from == null ? "" : from, to), v -> v, text, String.valueOf(from), to);
	}

	@SuppressWarnings("unchecked")
	static <T> @Nullable T call(String function, Supplier<AiCache.Lookup> lookup, Function<String, T> convert,
			String... inputs) {
		QueryContext context = QueryContext.current();
		String key = function + '\u0001' + String.join("\u0001", inputs);
		if (context != null) {
			context.checkRunning();
		}
		if (context != null && context.known(key)) {
			return (T) context.result(key);
		}
		T value;
		try {
			AiCache.Lookup result = lookup.get();
			if (context != null) {
				context.called(result.hit());
			}
			value = convert.apply(result.value());
		}
		catch (RuntimeException ex) {
			if (context == null) {
				throw ex;
			}
			context.called(false);
			context.failed(function, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
			value = null;
		}
		if (context != null) {
			context.remember(key, value);
		}
		return value;
	}

	private static AiEngine engine() {
		return QueryContext.required().engine();
	}

}
