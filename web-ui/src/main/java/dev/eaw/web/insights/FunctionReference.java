package dev.eaw.web.insights;

import java.util.List;
import java.util.Map;

/** The reference shown beside the SQL editor and served at {@code /api/insights/functions}. */
final class FunctionReference {

	private FunctionReference() {
	}

	static final List<Map<String, String>> ALL = List.of(
			fn("AI_SENTIMENT(text)", "SNOWFLAKE.CORTEX.SENTIMENT, SENTIMENT", "DOUBLE in [-1, 1]: negative to positive."),
			fn("AI_CLASSIFY(text, 'a,b,c')", "CLASSIFY_TEXT(text, ARRAY['a','b']), SNOWFLAKE.CORTEX.CLASSIFY_TEXT → {\"label\": …}", "The best of the labels, zero-shot."),
			fn("AI_SUMMARIZE(text)", "SUMMARIZE, SNOWFLAKE.CORTEX.SUMMARIZE", "Extractive summary (abstractive with an LLM)."),
			fn("AI_EXTRACT_ANSWER(text, question)", "EXTRACT_ANSWER → [{\"answer\", \"score\"}]", "The sentence that answers the question."),
			fn("AI_SIMILARITY(a, b)", "", "Cosine similarity of the two texts in [-1, 1]."),
			fn("AI_EMBED(text)", "", "The text's embedding (bge-small-en-v1.5, 384 numbers) as JSON."),
			fn("AI_COMPLETE(prompt)", "COMPLETE(model, prompt), SNOWFLAKE.CORTEX.COMPLETE", "The configured LLM's answer (EAW_LLM_*)."),
			fn("AI_TRANSLATE(text, from, to)", "SNOWFLAKE.CORTEX.TRANSLATE", "Translation by the configured LLM; from '' detects."),
			fn("TABLE(FORECAST('dataset', 'ts', 'value', horizon [, 'series'] [, interval]))", "",
					"ts, series, forecast, lower_bound, upper_bound, model (interval 0.95)."),
			fn("TABLE(DETECT_ANOMALIES('dataset', 'ts', 'value' [, 'series'] [, interval]))", "",
					"ts, series, value, expected, lower_bound, upper_bound, is_anomaly, score (interval 0.99)."));

	private static Map<String, String> fn(String signature, String aliases, String returns) {
		return Map.of("signature", signature, "aliases", aliases, "description", returns);
	}

}
