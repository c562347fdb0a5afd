package dev.eaw.insights.sql;

import java.util.Map;

import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * Registers the AI functions with a Calcite root schema: the {@code AI_*} names, the plain Cortex names, and the same
 * functions under {@code SNOWFLAKE.CORTEX} so Cortex SQL runs unchanged. One signature per name; a parameter that
 * takes an array or object is an {@code Object} (a VARIANT), so {@code ['a', 'b']}, {@code ARRAY['a', 'b']} and the
 * older {@code 'a,b'} text all fit.
 */
final class SqlFunctions {

	/**
	 * Snowflake's semi-structured functions (SQL name → {@link Variants} method), and the {@code eaw_*} functions that
	 * {@link SnowflakeCalls} and {@link SnowflakePrepare} map Snowflake's forms onto. Add a Snowflake function here.
	 */
	private static final Map<String, String> SNOWFLAKE = Map.ofEntries(Map.entry("parse_json", "parseJson"),
			Map.entry("try_parse_json", "tryParseJson"), Map.entry("get_path", "getPath"),
			Map.entry("array_size", "arraySize"), Map.entry("array_contains", "arrayContains"),
			Map.entry("array_to_string", "arrayToString"), Map.entry("object_keys", "objectKeys"),
			Map.entry("to_variant", "toVariant"), Map.entry("to_array", "toArray"), Map.entry("typeof", "typeOf"),
			Map.entry("to_json", "json"), Map.entry("split", "split"), Map.entry("eaw_get", "get"),
			Map.entry("eaw_to_object", "toObject"), Map.entry("eaw_to_varchar", "text"),
			Map.entry("eaw_object_new", "objectNew"), Map.entry("eaw_object_put", "objectPut"),
			Map.entry("eaw_object_put_keep_null", "objectPutKeepNull"), Map.entry("eaw_array_new", "arrayNew"),
			Map.entry("eaw_array_add", "arrayAdd"), Map.entry("eaw_variant_text", "text"));

	/** The AISQL functions with Snowflake's signatures and shapes ({@link CortexSql} methods), also under SNOWFLAKE.CORTEX. */
	private static final Map<String, String> CORTEX = Map.ofEntries(Map.entry("ai_sentiment", "aiSentiment"),
			Map.entry("entity_sentiment", "entitySentiment"), Map.entry("ai_classify", "aiClassify"),
			Map.entry("classify_text", "classifyText"), Map.entry("ai_filter", "aiFilter"),
			Map.entry("eaw_prompt_fill", "promptFill"));

	/** Vectors, AI_EMBED(model, text) and AI_REDACT ({@link VectorSql} methods), also under SNOWFLAKE.CORTEX. */
	private static final Map<String, String> VECTORS = Map.of("eaw_embed_model", "embed", "embed_text_768", "embed",
			"embed_text_1024", "embed", "vector_cosine_similarity", "cosineSimilarity", "vector_inner_product",
			"innerProduct", "vector_l2_distance", "l2Distance", "ai_redact", "redact", "split_text_recursive_character",
			"splitText");

	/** The readers of {@link SnowflakePrepare}'s VARIANT casts ({@link VariantCasts} methods). */
	private static final Map<String, String> VARIANT_CASTS = Map.of("eaw_variant_number", "number",
			"eaw_variant_boolean", "bool", "eaw_variant_date", "date", "eaw_variant_timestamp", "timestamp");

	private SqlFunctions() {
	}

	static void register(SchemaPlus root) {
		scalar(root, "sentiment", "sentiment");
		CORTEX.forEach((name, method) -> root.add(name, ScalarFunctionImpl.create(CortexSql.class, method)));
		scalar(root, "ai_summarize", "summarize");
		scalar(root, "summarize", "summarize");
		scalar(root, "ai_extract_answer", "extractAnswer");
		scalar(root, "extract_answer", "extractAnswerJson");
		scalar(root, "ai_similarity", "similarity");
		scalar(root, "ai_embed", "embed");
		scalar(root, "ai_complete", "complete");
		scalar(root, "complete", "completeWithModel");
		scalar(root, "ai_translate", "translate");
		TimeSeriesSql.register(root);
		RegexCalls.register(root);
		SNOWFLAKE.forEach((name, method) -> root.add(name, ScalarFunctionImpl.create(Variants.class, method)));
		VARIANT_CASTS.forEach((name, method) -> root.add(name, ScalarFunctionImpl.create(VariantCasts.class, method)));
		root.add("flatten", TableFunctionImpl.create(Flatten.class, "flatten"));
		VECTORS.forEach((name, method) -> root.add(name, ScalarFunctionImpl.create(VectorSql.class, method)));
		root.add("ai_agg", AggregateFunctionImpl.create(AiAggregates.Agg.class));
		root.add("ai_summarize_agg", AggregateFunctionImpl.create(AiAggregates.SummarizeAgg.class));
		root.add("summarize_agg", AggregateFunctionImpl.create(AiAggregates.SummarizeAgg.class));

		SchemaPlus cortex = root.add("snowflake", new AbstractSchema()).add("cortex", new AbstractSchema());
		scalar(cortex, "sentiment", "sentiment");
		CORTEX.forEach((name, method) -> cortex.add(name, ScalarFunctionImpl.create(CortexSql.class, method)));
		VECTORS.forEach((name, method) -> cortex.add(name, ScalarFunctionImpl.create(VectorSql.class, method)));
		scalar(cortex, "summarize", "summarize");
		scalar(cortex, "extract_answer", "extractAnswerJson");
		scalar(cortex, "complete", "completeWithModel");
		scalar(cortex, "translate", "translate");
		scalar(cortex, "ai_similarity", "similarity");
	}

	private static void scalar(SchemaPlus schema, String name, String method) {
		schema.add(name, ScalarFunctionImpl.create(AiSql.class, method));
	}

}
