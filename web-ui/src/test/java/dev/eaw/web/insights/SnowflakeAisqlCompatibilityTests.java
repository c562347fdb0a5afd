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

}
