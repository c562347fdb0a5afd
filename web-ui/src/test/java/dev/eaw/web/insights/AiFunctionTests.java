package dev.eaw.web.insights;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The AI functions inline in SQL, with their Cortex names, per-row failure as NULL, and the cache. */
@AppTest
class AiFunctionTests {

	@LocalServerPort
	int port;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	JsonNode rows(String sql) {
		HttpResponse<String> response = admin().query(sql);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response).path("rows");
	}

	@Test
	void classifyPicksTheClosestLabelInBothForms() {
		JsonNode rows = rows("""
				SELECT AI_CLASSIFY('My card was charged twice for one order', 'billing,shipping,product quality'),
				       SNOWFLAKE.CORTEX.CLASSIFY_TEXT('The parcel is still stuck in transit after two weeks', ARRAY['billing', 'shipping', 'product quality'])""");
		// AI_CLASSIFY gives {"labels": […]}, CLASSIFY_TEXT {"label": …}, both as JSON objects (SnowflakeAisqlCompatibilityTests)
		assertThat(rows.get(0).get(0).toString()).isEqualTo("{\"labels\":[\"billing\"]}");
		assertThat(rows.get(0).get(1).toString()).isEqualTo("{\"label\":\"shipping\"}");
		JsonNode arrays = rows("""
				SELECT SNOWFLAKE.CORTEX.CLASSIFY_TEXT('Refund me, the blender arrived cracked', ARRAY['refund request', 'compliment']),
				       CLASSIFY_TEXT('What a lovely, comfy blanket', ARRAY['refund request', 'compliment'])""");
		assertThat(arrays.get(0).get(0).toString()).isEqualTo("{\"label\":\"refund request\"}");
		assertThat(arrays.get(0).get(1).toString()).isEqualTo("{\"label\":\"compliment\"}");
	}

	@Test
	void extractAnswerFindsTheAnsweringSentence() {
		JsonNode rows = rows("""
				SELECT AI_EXTRACT_ANSWER('Our office is in Lisbon. The support line opens at 8 am and closes at 6 pm. We ship worldwide.',
				                         'When does support close?'),
				       EXTRACT_ANSWER('Our office is in Lisbon. We ship worldwide.', 'Where is the office?')""");
		assertThat(rows.get(0).get(0).asString()).contains("closes at 6 pm");
		assertThat(rows.get(0).get(1).asString()).startsWith("[{\"answer\": \"Our office is in Lisbon.\", \"score\": ");
	}

	@Test
	void similarityEmbedAndSummarize() {
		JsonNode rows = rows("""
				SELECT AI_SIMILARITY('The battery dies quickly', 'Battery life is short') AS near,
				       AI_SIMILARITY('The battery dies quickly', 'I love the colour of the sofa') AS far,
				       AI_EMBED('hello') AS vector,
				       SUMMARIZE('Solar panels turn sunlight into electricity. They are installed on roofs. Prices fell sharply in the last decade. Many homes now use them. Cats sleep a lot. Storage batteries make solar power usable at night.') AS summary""");
		assertThat(rows.get(0).get(0).asDouble()).isGreaterThan(rows.get(0).get(1).asDouble() + 0.2);
		assertThat(rows.get(0).get(2).asString().split(",")).hasSize(384);
		String summary = rows.get(0).get(3).asString();
		assertThat(summary).isNotBlank().doesNotContain("Cats sleep");
		assertThat(summary.length()).isLessThan(200);
	}

	@Test
	void llmFunctionsWithoutAnLlmGiveNullAndSayHowToConfigureOne() {
		HttpResponse<String> response = admin().query("SELECT product, AI_COMPLETE('Say hi') FROM reviews LIMIT 2");
		JsonNode result = Http.json(response);
		assertThat(result.path("rows").get(0).get(1).isNull()).isTrue();
		assertThat(result.path("warnings").get(0).asString()).contains("EAW_LLM_PROVIDER");
		assertThat(result.path("rows").get(0).get(0).asString()).isNotBlank();
	}

	@Test
	void aRepeatedQueryIsAnsweredFromTheCache() {
		String sql = "SELECT review_id, AI_CLASSIFY(review, 'praise,complaint') FROM reviews WHERE review_id BETWEEN 101 AND 110";
		JsonNode first = Http.json(admin().query(sql));
		JsonNode second = Http.json(admin().query(sql));
		assertThat(first.path("aiCalls").asLong()).isEqualTo(10);
		assertThat(second.path("aiCalls").asLong()).isEqualTo(10);
		assertThat(second.path("aiCacheHits").asLong()).isEqualTo(10);
		assertThat(second.path("rows")).isEqualTo(first.path("rows"));
		String metrics = admin().get("/actuator/prometheus").body();
		assertThat(metrics).contains("eaw_insights_ai_cache_total{", "function=\"ai_classify\"", "result=\"hit\"");
	}

}
