package dev.eaw.insights.sql;

import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * Registers the AI functions with a Calcite root schema: the {@code AI_*} names, the plain Cortex names, and the same
 * functions under {@code SNOWFLAKE.CORTEX} so Cortex SQL runs unchanged. One signature per name: Calcite cannot tell
 * a text from an ARRAY overload, so {@code AI_CLASSIFY} takes {@code 'a,b,c'} and {@code CLASSIFY_TEXT} takes
 * {@code ARRAY['a', 'b']} as Cortex does.
 */
final class SqlFunctions {

	private SqlFunctions() {
	}

	static void register(SchemaPlus root) {
		scalar(root, "ai_sentiment", "sentiment");
		scalar(root, "sentiment", "sentiment");
		scalar(root, "ai_classify", "classify");
		scalar(root, "classify_text", "classifyTextArray");
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

		SchemaPlus cortex = root.add("snowflake", new AbstractSchema()).add("cortex", new AbstractSchema());
		scalar(cortex, "sentiment", "sentiment");
		scalar(cortex, "classify_text", "classifyTextArray");
		scalar(cortex, "summarize", "summarize");
		scalar(cortex, "extract_answer", "extractAnswerJson");
		scalar(cortex, "complete", "completeWithModel");
		scalar(cortex, "translate", "translate");
		scalar(cortex, "ai_similarity", "similarity");
		scalar(cortex, "ai_classify", "classify");
	}

	private static void scalar(SchemaPlus schema, String name, String method) {
		schema.add(name, ScalarFunctionImpl.create(AiSql.class, method));
	}

}
