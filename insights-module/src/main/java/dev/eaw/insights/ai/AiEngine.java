package dev.eaw.insights.ai;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * The AI functions of the SQL box, each cached by (function, model version, inputs). Results are text, as stored in
 * the cache; the SQL layer turns them into numbers or JSON as each function's signature says.
 */
public final class AiEngine {

	private final TextModels text;

	private final SentimentScorer sentiment;

	private final LlmClient llm;

	private final AiCache cache;

	private final AspectSentiment aspects;

	private final ZeroShot zeroShot;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public AiEngine(TextModels text, SentimentScorer sentiment, LlmClient llm, AiCache cache) {
		this.text = text;
		this.sentiment = sentiment;
		this.llm = llm;
		this.cache = cache;
		this.aspects = new AspectSentiment(sentiment);
		this.zeroShot = new ZeroShot(text.embedder());
	}

	/** AI_SENTIMENT's categories as JSON: the overall record, then one per aspect. */
	public AiCache.Lookup sentimentCategories(String input, List<String> categories) {
		return cache.get("ai_sentiment", sentiment.version() + ";polar=" + AspectSentiment.POLAR,
				() -> JSON.writeValueAsString(aspects.categories(input, categories)), input, String.join("\u0001", categories));
	}

	/** AI_CLASSIFY's labels as a JSON array. */
	public AiCache.Lookup classifyLabels(String input, List<ZeroShot.Category> categories, boolean multi,
			List<ZeroShot.Example> examples) {
		return cache.get("ai_classify", embedding() + ";margin=" + ZeroShot.MULTI_MARGIN,
				() -> JSON.writeValueAsString(zeroShot.labels(input, categories, multi, examples)), input,
				JSON.writeValueAsString(categories), Boolean.toString(multi), JSON.writeValueAsString(examples));
	}

	public AiCache.Lookup sentiment(String input) {
		return cache.get("sentiment", sentiment.version(), () -> Double.toString(sentiment.score(input)), input);
	}

	/**
	 * The LLM's summary when one is configured, else the extractive one; when the LLM does not answer, the extractive
	 * one, and {@code fallback} is told why.
	 */
	public AiCache.Lookup summarize(String input, Consumer<String> fallback) {
		if (llm.configured()) {
			try {
				return cache.get("summarize", "llm:" + llm.modelName(),
						() -> llm.complete(null, "Summarize the following text in at most three sentences. Reply with the summary only.\n\n" + input),
						input);
			}
			catch (LlmClient.Unavailable ex) {
				fallback.accept(ex.getMessage() + "; extractive summaries instead");
			}
		}
		return cache.get("summarize", embedding(), () -> text.summarize(input), input);
	}

	/** The answer and its score as {@code score \t answer}. */
	public AiCache.Lookup extractAnswer(String input, String question) {
		return cache.get("extract_answer", embedding(), () -> {
			TextModels.Answer answer = text.extractAnswer(input, question);
			return String.format(Locale.ROOT, "%.4f", answer.score()) + "\t" + answer.answer();
		}, input, question);
	}

	public AiCache.Lookup similarity(String a, String b) {
		return cache.get("similarity", embedding(), () -> Double.toString(text.similarity(a, b)), a, b);
	}

	/** The embedding as a JSON array. */
	public AiCache.Lookup embed(String input) {
		return cache.get("embed", embedding(), () -> {
			float[] vector = text.embedder().embed(input);
			StringBuilder json = new StringBuilder("[");
			for (int i = 0; i < vector.length; i++) {
				json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", vector[i]));
			}
			return json.append(']').toString();
		}, input);
	}

	/** Snowflake's model names (Cortex's LLMs) that the configured LLM answers; any other name goes to the LLM as is. */
	static final java.util.regex.Pattern SNOWFLAKE_LLM = java.util.regex.Pattern.compile(
			"(claude|llama|mistral|mixtral|snowflake|reka|jamba|gemma|deepseek|openai)-?.*", java.util.regex.Pattern.CASE_INSENSITIVE);

	public AiCache.Lookup complete(@Nullable String model, String prompt) {
		String requested = model == null || model.isBlank() || SNOWFLAKE_LLM.matcher(model.strip()).matches() ? null : model;
		String used = requested == null ? llm.modelName() : requested;
		return cache.get("complete", "llm:" + used, () -> llm.complete(requested, prompt), prompt);
	}

	public AiCache.Lookup translate(String input, String from, String to) {
		return cache.get("translate", "llm:" + llm.modelName(), () -> llm.translate(input, from, to), input, from, to);
	}

	/**
	 * AI_FILTER: whether the LLM judges the statement true ({@code "true"} / {@code "false"}). No in-process model can
	 * judge an arbitrary statement, so without an LLM this fails with the setting to configure.
	 */
	public AiCache.Lookup filter(String statement) {
		return cache.get("ai_filter", "llm:" + llm.modelName(), () -> {
			String reply = llm.complete(null, "Decide whether the following statement is true. Reply with exactly one word, "
					+ "TRUE or FALSE.\n<statement>" + statement + "</statement>").strip().toLowerCase(Locale.ROOT);
			if (reply.startsWith("true") || reply.startsWith("yes")) {
				return "true";
			}
			if (reply.startsWith("false") || reply.startsWith("no")) {
				return "false";
			}
			throw new IllegalStateException("The language model answered neither TRUE nor FALSE");
		}, statement);
	}

	/** AI_AGG: the task done over all the texts by the LLM, in chunks ({@link Reducer}). */
	public AiCache.Lookup aggregate(List<String> texts, String task) {
		List<String> inputs = new java.util.ArrayList<>(texts);
		inputs.add(task);
		return cache.get("ai_agg", "llm:" + llm.modelName() + ";chunk=" + Reducer.CHUNK, () -> Reducer.reduce(texts,
				rows -> llm.complete(null, "Task: " + task + "\nReply with the result only.\nRows:\n" + rows),
				partials -> llm.complete(null, "Task: " + task + "\nThese are results of the task over parts of the rows. "
						+ "Combine them into one result of the task. Reply with the result only.\nPartial results:\n" + partials)),
				inputs.toArray(String[]::new));
	}

	/** AI_SUMMARIZE_AGG: through the LLM when one is configured, else an extractive summary of summaries per chunk. */
	public AiCache.Lookup summarizeAll(List<String> texts) {
		if (llm.configured()) {
			return aggregate(texts, "Summarize the texts in at most five sentences.");
		}
		return cache.get("ai_summarize_agg", embedding() + ";chunk=" + Reducer.CHUNK, () -> Reducer.reduce(texts,
				rows -> text.summarize(Reducer.sentences(rows)), partials -> text.summarize(Reducer.sentences(partials))),
				texts.toArray(String[]::new));
	}

	/** Labels from {@code 'a,b,c'} or a JSON-ish {@code ['a','b']}. */
	public static List<String> labels(String list) {
		String trimmed = list.strip();
		if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		return Arrays.stream(trimmed.split(","))
			.map(l -> l.strip().replaceAll("^['\"]|['\"]$", ""))
			.filter(l -> !l.isEmpty())
			.collect(Collectors.toList());
	}

	private String embedding() {
		return text.embedder().modelName();
	}

}
