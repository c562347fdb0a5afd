package dev.eaw.web.insights;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.insights.SnowflakeCompatibilityTests.Result;

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

}
