package dev.eaw.web.insights;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import dev.eaw.web.insights.SnowflakeCompatibilityTests.Result;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snowflake's AISQL functions as its documentation writes them, run through {@code POST /api/insights/query} without
 * an LLM: the in-process models answer with Snowflake's signatures and result shapes (OBJECTs come back as JSON
 * objects). Each test cites the page its query and shape come from.
 */
@AppTest
class SnowflakeAisqlCompatibilityTests {

	@LocalServerPort
	int port;

	Result run(String sql) {
		return SnowflakeCompatibilityTests.run(port, sql);
	}

	@Test
	void aiSentimentGivesTheOverallCategoryAndOnePerAspect() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_sentiment — an OBJECT with a categories array of
		// {name, sentiment}; "overall" always first; an aspect the text does not mention is "unknown"
		Result result = run("""
				SELECT AI_SENTIMENT('A tourist''s delight, the food was excellent and the staff were friendly. The prices were far too high though.',
				                    ['food', 'cost', 'parking']) AS sentiment""");
		assertThat(result.types()).containsExactly("variant");
		assertThat(result.rows().get(0).get(0).toString()).isEqualTo("{\"categories\":[{\"name\":\"overall\",\"sentiment\":\"mixed\"},"
				+ "{\"name\":\"food\",\"sentiment\":\"positive\"},{\"name\":\"cost\",\"sentiment\":\"unknown\"},"
				+ "{\"name\":\"parking\",\"sentiment\":\"unknown\"}]}");
	}

	@Test
	void aiSentimentWithoutCategoriesHasOnlyTheOverallRecordAndReadsByPath() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_sentiment
		Result result = run("""
				SELECT AI_SENTIMENT(column1):categories[0]:sentiment::STRING AS overall,
				       AI_SENTIMENT(column1):categories[0].name::STRING AS name
				  FROM VALUES ('I absolutely love this blender, it is wonderful.'), ('Terrible. It broke after one day and support ignored me.')""");
		assertThat(result.json()).isEqualTo("[[\"positive\",\"overall\"],[\"negative\",\"overall\"]]");
	}

	@Test
	void cortexSentimentStaysANumberAndEntitySentimentHasTheObjectShape() {
		// https://docs.snowflake.com/en/sql-reference/functions/sentiment-snowflake-cortex — a FLOAT in [-1, 1];
		// https://docs.snowflake.com/en/sql-reference/functions/entity_sentiment-snowflake-cortex — OBJECT with categories
		Result result = run("""
				SELECT SNOWFLAKE.CORTEX.SENTIMENT('The service was great and the room was spotless.') AS score,
				       SNOWFLAKE.CORTEX.ENTITY_SENTIMENT('The service was great. The room was dirty and smelled.', ['service', 'room']) AS entities""");
		assertThat(result.types()).containsExactly("number", "variant");
		assertThat(result.rows().get(0).get(0).asDouble()).isBetween(0.2, 1.0);
		assertThat(result.rows().get(0).get(1).toString()).isEqualTo("{\"categories\":[{\"name\":\"overall\",\"sentiment\":\"mixed\"},"
				+ "{\"name\":\"service\",\"sentiment\":\"positive\"},{\"name\":\"room\",\"sentiment\":\"negative\"}]}");
	}

	@Test
	void aiClassifyGivesLabelsForStringCategories() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_classify — Returns: an object whose labels field is an array
		Result result = run("SELECT AI_CLASSIFY('One day I will see the world and learn to cook my favorite dishes', "
				+ "['travel', 'cooking', 'reading', 'driving']) AS c");
		assertThat(result.types()).containsExactly("variant");
		assertThat(result.rows().get(0).get(0).path("labels").size()).isEqualTo(1);
		assertThat(result.rows().get(0).get(0).path("labels").get(0).asString()).isIn("travel", "cooking");
	}

	@Test
	void aiClassifyTakesLabelObjectsWithDescriptionsAndMultiLabelConfig() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_classify — categories as {label, description} objects;
		// config_object {task_description, output_mode: 'multi', examples}
		Result result = run("""
				SELECT AI_CLASSIFY('My parcel arrived late and the blender inside was cracked',
				                   [{'label': 'shipping', 'description': 'delivery, parcels, couriers, late or lost packages'},
				                    {'label': 'product quality', 'description': 'broken, cracked or badly made items'},
				                    {'label': 'praise', 'description': 'happy customers thanking us'}],
				                   {'task_description': 'Tag customer e-mails', 'output_mode': 'multi',
				                    'examples': [{'input': 'The box came two weeks late', 'labels': ['shipping'], 'explanation': 'delivery'}]}):labels AS labels""");
		assertThat(result.rows().get(0).get(0).toString()).contains("shipping").doesNotContain("praise");
	}

	@Test
	void classifyTextGivesOneLabel() {
		// https://docs.snowflake.com/en/sql-reference/functions/classify_text-snowflake-cortex — {"label": …}
		Result result = run("SELECT SNOWFLAKE.CORTEX.CLASSIFY_TEXT('One day I will see the world', ['travel', 'cooking']) AS c");
		assertThat(result.json()).isEqualTo("[[{\"label\":\"travel\"}]]");
	}

	@Test
	void aiFilterWithoutAnLlmIsNullWithOneWarningNamingTheSetting() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_filter — needs a language model here: no in-process
		// model can judge an arbitrary statement, so the rows get NULL and the response says how to configure one
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD)
			.query("SELECT column1, AI_FILTER(PROMPT('Is {0} a fruit?', column1)) AS f FROM VALUES ('apple'), ('hammer')");
		JsonNode body = Http.json(response);
		assertThat(body.path("rows").toString()).isEqualTo("[[\"apple\",null],[\"hammer\",null]]");
		assertThat(body.path("warnings")).hasSize(1);
		assertThat(body.path("warnings").get(0).asString()).contains("AI_FILTER", "EAW_LLM_PROVIDER");
	}

	@Test
	void aiSummarizeAggIsAnExtractiveSummaryPerGroupWithoutAnLlm() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_summarize_agg — an aggregate over a group's texts
		Result result = run("""
				SELECT column1 AS product, AI_SUMMARIZE_AGG(column2) AS summary
				  FROM VALUES ('phone', 'The battery lasts two days'), ('phone', 'Battery life is excellent.'),
				              ('phone', 'The screen is bright'), ('lamp', 'The lamp flickers at night.')
				 GROUP BY column1 ORDER BY column1""");
		assertThat(result.rows().get(0).get(0).asString()).isEqualTo("lamp");
		assertThat(result.rows().get(0).get(1).asString()).isEqualTo("The lamp flickers at night.");
		assertThat(result.rows().get(1).get(1).asString()).containsIgnoringCase("battery").doesNotContain("lamp");
	}

	@Test
	void vectorFunctionsOverArrays() {
		// https://docs.snowflake.com/en/sql-reference/functions/vector_inner_product,
		// https://docs.snowflake.com/en/sql-reference/functions/vector_l2_distance,
		// https://docs.snowflake.com/en/sql-reference/functions/vector_cosine_similarity — a VECTOR is an ARRAY of floats here
		Result result = run("SELECT VECTOR_INNER_PRODUCT([1, 2, 3], [4, 5, 6]) AS ip, VECTOR_L2_DISTANCE([1, 2, 3], [4, 5, 6]) AS l2, "
				+ "VECTOR_COSINE_SIMILARITY([1, 0], [0, 1]) AS orthogonal, VECTOR_COSINE_SIMILARITY([1, 2], [2, 4]) AS parallel");
		assertThat(result.types()).containsOnly("number");
		assertThat(result.rows().get(0).get(0).asDouble()).isEqualTo(32.0);
		assertThat(result.rows().get(0).get(1).asDouble()).isCloseTo(Math.sqrt(27), org.assertj.core.data.Offset.offset(1e-9));
		assertThat(result.rows().get(0).get(2).asDouble()).isEqualTo(0.0);
		assertThat(result.rows().get(0).get(3).asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void aiEmbedWithASnowflakeModelNameGivesAVectorForTheVectorFunctions() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_embed — AI_EMBED(model, input) → VECTOR;
		// https://docs.snowflake.com/en/sql-reference/functions/embed_text-snowflake-cortex — EMBED_TEXT_768(model, text)
		Result result = run("""
				SELECT ARRAY_SIZE(AI_EMBED('snowflake-arctic-embed-m', 'hello')) AS dims,
				       VECTOR_COSINE_SIMILARITY(AI_EMBED('e5-base-v2', 'The battery dies quickly'),
				                                SNOWFLAKE.CORTEX.EMBED_TEXT_768('e5-base-v2', 'Battery life is short')) AS near,
				       VECTOR_COSINE_SIMILARITY(AI_EMBED('e5-base-v2', 'The battery dies quickly'),
				                                AI_EMBED('e5-base-v2', 'I love the colour of the sofa')) AS far""");
		assertThat(result.rows().get(0).get(0).asInt()).isEqualTo(384);
		assertThat(result.rows().get(0).get(1).asDouble()).isGreaterThan(result.rows().get(0).get(2).asDouble() + 0.2);
	}

	@Test
	void aiRedactReplacesFixedShapePiiWithPlaceholders() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_redact — placeholders such as [EMAIL]; in-process by
		// patterns: e-mails, phone numbers, card numbers (Luhn), IBANs, IP addresses
		Result result = run("""
				SELECT AI_REDACT('Mail jsmith@example.com or call +1 415-555-0100. Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, order 1234567890123.') AS all_pii,
				       AI_REDACT('Mail jsmith@example.com or call 415-555-0100.', ['EMAIL']) AS email_only""");
		assertThat(result.rows().get(0).get(0).asString()).isEqualTo(
				"Mail [EMAIL] or call [PHONE_NUMBER]. Card [PAYMENT_CARD_DATA], IBAN [BANK_ACCOUNT], order 1234567890123.");
		assertThat(result.rows().get(0).get(1).asString()).isEqualTo("Mail [EMAIL] or call 415-555-0100.");
	}

	@Test
	void splitTextRecursiveCharacterGivesAnArrayOfChunks() {
		// https://docs.snowflake.com/en/sql-reference/functions/split_text_recursive_character-snowflake-cortex —
		// (text_to_split, format, chunk_size [, overlap, separators]) → ARRAY of strings, none longer than chunk_size;
		// here a separator starts the chunk after it (as markdown headers do)
		Result result = run("""
				SELECT SNOWFLAKE.CORTEX.SPLIT_TEXT_RECURSIVE_CHARACTER('hello world are you here', 'none', 15, 10) AS overlapped,
				       SNOWFLAKE.CORTEX.SPLIT_TEXT_RECURSIVE_CHARACTER('# Title\n\nSome text here.\n\n## Part\n\nMore text.', 'markdown', 25) AS md,
				       SPLIT_TEXT_RECURSIVE_CHARACTER('a-b-c', 'none', 2, 0, ['-']) AS custom""");
		assertThat(result.types()).containsOnly("variant");
		assertThat(result.rows().get(0).get(0).toString()).isEqualTo("[\"hello world are\",\"world are you\",\"are you here\"]");
		assertThat(result.rows().get(0).get(1).toString()).isEqualTo("[\"# Title\\n\\nSome text here.\",\"## Part\\n\\nMore text.\"]");
		assertThat(result.rows().get(0).get(2).toString()).isEqualTo("[\"a\",\"-b\",\"-c\"]");
	}

}
