package dev.eaw.web.insights;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import dev.eaw.web.docqa.FakeOpenAi;
import dev.eaw.web.insights.SnowflakeCompatibilityTests.Result;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snowflake's AISQL functions that need a language model, against a local server speaking OpenAI's protocol: the
 * fake model judges a statement true when it names an apple or a banana and the word fruit, and answers an aggregation task with the number of
 * rows it was given ({@code n=…}), adding up partial results, so the tests see how rows reach the model.
 */
@AppTest
class SnowflakeAisqlLlmTests {

	static final HttpServer SERVER = FakeOpenAi.start(SnowflakeAisqlLlmTests::complete);

	static final List<String> PROMPTS = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void llm(DynamicPropertyRegistry properties) {
		FakeOpenAi.configure(properties, SERVER);
	}

	@LocalServerPort
	int port;

	Result run(String sql) {
		return SnowflakeCompatibilityTests.run(port, sql);
	}

	@Test
	void aiFilterWorksInSelectWhereAndJoinWithPrompt() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_filter — AI_FILTER(predicate) and
		// AI_FILTER(PROMPT('… {0} …', col)) return BOOLEAN, usable in SELECT, WHERE and JOIN … ON
		Result select = run("SELECT AI_FILTER('Is an apple a fruit?') AS a, AI_FILTER('Is Paris in Germany?') AS b");
		assertThat(select.types()).containsExactly("boolean", "boolean");
		assertThat(select.json()).isEqualTo("[[true,false]]");
		Result where = run("SELECT column1 FROM VALUES ('banana'), ('hammer'), ('apple') "
				+ "WHERE AI_FILTER(PROMPT('Is {0} a fruit?', column1)) ORDER BY column1");
		assertThat(where.json()).isEqualTo("[[\"apple\"],[\"banana\"]]");
		assertThat(PROMPTS).anyMatch(p -> p.contains("<statement>Is hammer a fruit?</statement>"));
		Result join = run("""
				WITH items AS (SELECT column1 AS item FROM VALUES ('apple'), ('hammer')),
				     kinds AS (SELECT column1 AS kind FROM VALUES ('fruit'), ('tool'))
				SELECT item, kind FROM items JOIN kinds ON AI_FILTER(PROMPT('Is {0} a kind of {1}?', item, kind))
				ORDER BY item, kind""");
		assertThat(join.json()).isEqualTo("[[\"apple\",\"fruit\"]]");
		assertThat(PROMPTS).anyMatch(p -> p.contains("<statement>Is hammer a kind of tool?</statement>"));
	}

	@Test
	void aiAggReducesEachGroupThroughTheModel() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_agg — AI_AGG(expr, task_description) is an aggregate
		Result result = run("""
				SELECT column1 AS product_id, AI_AGG(column2, 'Summarize the product reviews for a blog post targeting consumers') AS summary
				  FROM VALUES (1, 'Excellent'), (1, 'Excellent'), (1, 'Great'), (1, 'Mediocre'), (2, 'Terrible'), (2, 'Bad')
				 GROUP BY column1 ORDER BY column1""");
		assertThat(result.json()).isEqualTo("[[1,\"n=4\"],[2,\"n=2\"]]");
	}

	@Test
	void aiAggOverManyRowsGoesInChunksAndCombinesThem() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_agg — no limit on the rows; here no call sees them all
		int before = PROMPTS.size();
		Result result = run("SELECT AI_AGG(review, 'Count the complaints') AS n FROM reviews WHERE review_id <= 400");
		assertThat(result.json()).isEqualTo("[[\"n=400\"]]");
		List<String> calls = PROMPTS.subList(before, PROMPTS.size());
		assertThat(calls).filteredOn(p -> p.contains("Partial results:")).isNotEmpty();
		assertThat(calls).allMatch(p -> p.length() < 13_000);
	}

	@Test
	void aiSummarizeAggUsesTheModelWhenThereIsOne() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_summarize_agg
		Result result = run("SELECT AI_SUMMARIZE_AGG(column1) AS s FROM VALUES ('Great battery.'), ('Screen too dim.')");
		assertThat(result.json()).isEqualTo("[[\"n=2\"]]");
	}

	@Test
	void aiCompleteTakesSnowflakeModelNamesAndSendsThemToTheConfiguredModel() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_complete — AI_COMPLETE(model, prompt) → VARCHAR;
		// Cortex's model names are answered by the configured LLM (here "test-model")
		Result result = run("SELECT AI_COMPLETE('llama3.1-8b', 'Say hello') AS a, "
				+ "SNOWFLAKE.CORTEX.COMPLETE('mistral-large2', 'Say goodbye') AS b");
		assertThat(result.types()).containsExactly("text", "text");
		assertThat(result.json()).isEqualTo("[[\"echo test-model: Say hello\",\"echo test-model: Say goodbye\"]]");
	}

	private static final Pattern N = Pattern.compile("n=(\\d+)");

	private static void complete(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode request = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
			List<String> messages = FakeOpenAi.messages(request);
			String prompt = messages.get(messages.size() - 1);
			PROMPTS.add(prompt);
			String reply;
			if (prompt.startsWith("user: Say ")) {
				reply = "echo " + request.path("model").asString() + ": " + prompt.substring("user: ".length());
			}
			else if (prompt.contains("<statement>")) {
				String statement = prompt.substring(prompt.indexOf("<statement>"));
				reply = (statement.contains("apple") || statement.contains("banana")) && statement.contains("fruit") ? "TRUE" : "FALSE";
			}
			else if (prompt.contains("Partial results:")) {
				Matcher n = N.matcher(prompt.substring(prompt.indexOf("Partial results:")));
				int total = 0;
				while (n.find()) {
					total += Integer.parseInt(n.group(1));
				}
				reply = "n=" + total;
			}
			else {
				reply = "n=" + (prompt.substring(prompt.indexOf("Rows:")).split("\n- ", -1).length - 1);
			}
			FakeOpenAi.respond(exchange, reply, 20, 2);
		}
	}

}
