package dev.eaw.web.insights;

import java.util.List;
import java.util.Map;

/** The reference shown beside the SQL editor and served at {@code /api/insights/functions}. */
final class FunctionReference {

	private FunctionReference() {
	}

	static final List<Map<String, String>> ALL = List.of(
			fn("AI_SENTIMENT(text [, ['aspect', …]])", "SNOWFLAKE.CORTEX.ENTITY_SENTIMENT(text [, entities])",
					"{\"categories\": [{\"name\": \"overall\", \"sentiment\": \"positive|negative|neutral|mixed|unknown\"}, …one per aspect]}."),
			fn("SNOWFLAKE.CORTEX.SENTIMENT(text)", "SENTIMENT", "DOUBLE in [-1, 1]: negative to positive."),
			fn("AI_CLASSIFY(input, ['a', 'b'] [, {'output_mode': 'multi', 'examples': […]}])",
					"categories as {'label': …, 'description': …}; CLASSIFY_TEXT(text, ['a', 'b']) → {\"label\": …}",
					"{\"labels\": […]}: the best category (several with 'multi'), zero-shot."),
			fn("AI_SUMMARIZE(text)", "SUMMARIZE, SNOWFLAKE.CORTEX.SUMMARIZE", "Extractive summary (abstractive with an LLM)."),
			fn("AI_EXTRACT_ANSWER(text, question)", "EXTRACT_ANSWER → [{\"answer\", \"score\"}]", "The sentence that answers the question."),
			fn("AI_FILTER(predicate)", "AI_FILTER(PROMPT('Is {0} …?', col))", "BOOLEAN judged by the configured LLM (EAW_LLM_*); in SELECT, WHERE, JOIN … ON."),
			fn("AI_AGG(expr, task)", "", "Aggregate: the task over the group's texts by the LLM, in chunks."),
			fn("AI_SUMMARIZE_AGG(expr)", "SUMMARIZE_AGG", "Aggregate: a summary of the group's texts (extractive without an LLM)."),
			fn("AI_REDACT(text [, ['EMAIL', …]])", "", "[EMAIL], [PHONE_NUMBER], [PAYMENT_CARD_DATA], [BANK_ACCOUNT], [IP_ADDRESS] by patterns."),
			fn("AI_EMBED('snowflake-arctic-embed-m', text)", "SNOWFLAKE.CORTEX.EMBED_TEXT_768/1024(model, text)", "ARRAY of 384 floats (in-process bge-small-en-v1.5)."),
			fn("VECTOR_COSINE_SIMILARITY(a, b)", "VECTOR_L2_DISTANCE, VECTOR_INNER_PRODUCT", "Over ARRAYs of numbers."),
			fn("SNOWFLAKE.CORTEX.SPLIT_TEXT_RECURSIVE_CHARACTER(text, 'none' | 'markdown', size [, overlap, separators])", "", "ARRAY of chunks of at most size characters."),
			fn("AI_SIMILARITY(a, b)", "", "Cosine similarity of the two texts in [-1, 1]."),
			fn("AI_EMBED(text)", "", "The text's embedding (bge-small-en-v1.5, 384 numbers) as JSON."),
			fn("AI_COMPLETE(model, prompt)", "AI_COMPLETE(prompt), COMPLETE(model, prompt), SNOWFLAKE.CORTEX.COMPLETE; Cortex model names → the configured LLM", "The configured LLM's answer (EAW_LLM_*)."),
			fn("AI_TRANSLATE(text, from, to)", "SNOWFLAKE.CORTEX.TRANSLATE", "Translation by the configured LLM; from '' detects."),
			fn("TABLE(FORECAST('dataset', 'ts', 'value', horizon [, 'series'] [, interval]))", "",
					"ts, series, forecast, lower_bound, upper_bound, model (interval 0.95)."),
			fn("TABLE(DETECT_ANOMALIES('dataset', 'ts', 'value' [, 'series'] [, interval]))", "",
					"ts, series, value, expected, lower_bound, upper_bound, is_anomaly, score (interval 0.99)."),
			// Snowflake's semi-structured data and conversion functions (registered in insights' SqlFunctions)
			fn("PARSE_JSON(text)", "TRY_PARSE_JSON(text)", "VARIANT: the JSON value; objects and arrays come back as JSON."),
			fn("v:field.sub[0]", "v['key'], v[0], GET(v, key | index), GET_PATH(v, 'a.b[0]')",
					"VARIANT: a field or element (arrays count from 0); NULL when missing."),
			fn("v::STRING", "::VARCHAR, ::NUMBER, ::FLOAT, ::BOOLEAN, ::DATE, ::TIMESTAMP_NTZ, ::VARIANT, CAST(v AS …)",
					"The VARIANT's value as that type; ::STRING of an object or array is its JSON."),
			fn("OBJECT_CONSTRUCT(k1, v1, …)", "{'k1': v1, …}, OBJECT_CONSTRUCT_KEEP_NULL(k1, v1, …)",
					"OBJECT; a NULL value leaves its key out (…_KEEP_NULL keeps it as null)."),
			fn("ARRAY_CONSTRUCT(a, b, …)", "[a, b, …], TO_ARRAY(v), SPLIT(text, sep)", "ARRAY of values of any types."),
			fn("ARRAY_SIZE(array)", "ARRAY_CONTAINS(value, array), ARRAY_TO_STRING(array, sep), OBJECT_KEYS(object), TYPEOF(v)",
					"Size, membership, joined text, keys, the type a VARIANT holds."),
			fn("TABLE(FLATTEN(INPUT => v [, PATH => 'p'] [, OUTER => TRUE] [, RECURSIVE => TRUE] [, MODE => 'BOTH']))",
					"LATERAL FLATTEN(INPUT => t.v) f", "seq, key, path, index, value, this: one row per element."),
			fn("FROM VALUES (1, 'a'), (2, 'b')", "FROM (VALUES …) [AS t(c1, c2)]", "Rows of constants, columns column1, column2, …"),
			fn("IFF(condition, a, b)", "NVL(a, b), IFNULL, NVL2(x, a, b), ZEROIFNULL(x), NULLIFZERO(x)", "Conditional values."),
			fn("DATEADD(part, n, d)", "DATEDIFF(part, a, b)", "Adds n parts (day, week, month, quarter, year, hour, …); "
					+ "DATEDIFF counts the part boundaries between a and b."),
			fn("DATE_TRUNC('quarter', d)", "'year', 'month', 'week', 'day', 'hour', 'minute', 'second'",
					"The start of d's quarter (year, month, …)."),
			fn("TO_DATE(x [, format])", "TO_TIMESTAMP(x [, format]), TO_TIMESTAMP_NTZ, TO_VARCHAR(x [, format]), TO_CHAR",
					"Conversions; a VARIANT is read as Snowflake reads it."));

	private static Map<String, String> fn(String signature, String aliases, String returns) {
		return Map.of("signature", signature, "aliases", aliases, "description", returns);
	}

}
