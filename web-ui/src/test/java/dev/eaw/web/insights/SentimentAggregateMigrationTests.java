package dev.eaw.web.insights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved queries of earlier installations aggregate {@code AI_SENTIMENT}, which now answers Snowflake's OBJECT
 * (https://docs.snowflake.com/en/sql-reference/functions/ai_sentiment); migration V5 rewrites those aggregates to the
 * FLOAT {@code SNOWFLAKE.CORTEX.SENTIMENT} so the old dashboard tile runs again. The migration's own SQL is run here on
 * a query saved the old way (it is idempotent).
 */
@AppTest
class SentimentAggregateMigrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOldDashboardTileAggregatingAiSentimentRunsAfterTheMigration() throws IOException {
		String old = "SELECT product, avg( AI_Sentiment(review)) AS sentiment, COUNT(*) AS reviews FROM reviews "
				+ "WHERE AI_SENTIMENT(review):categories[0].sentiment::STRING = 'positive' GROUP BY product";
		jdbc.sql("INSERT INTO insights.saved_queries (name, sql_text, created_by) VALUES ('old sentiment tile', ?, 'admin')")
			.param(old)
			.update();
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(admin.postJson("/api/insights/query", Http.JSON.writeValueAsString(java.util.Map.of("sql", old)))
			.statusCode()).isEqualTo(400);

		jdbc.sql("SET search_path TO insights").update();
		try (InputStream migration = getClass()
			.getResourceAsStream("/db/migration/insights/V5__sentiment_aggregates.sql")) {
			jdbc.sql(new String(migration.readAllBytes(), StandardCharsets.UTF_8)).update();
		}
		finally {
			jdbc.sql("RESET search_path").update();
		}

		String fixed = jdbc.sql("SELECT sql_text FROM insights.saved_queries WHERE name = 'old sentiment tile'")
			.query(String.class)
			.single();
		assertThat(fixed).contains("avg(SNOWFLAKE.CORTEX.SENTIMENT(review))")
			.contains("WHERE AI_SENTIMENT(review):categories[0].sentiment");
		assertThat(admin.postJson("/api/insights/query", Http.JSON.writeValueAsString(java.util.Map.of("sql", fixed)))
			.statusCode()).isEqualTo(200);
	}

}
