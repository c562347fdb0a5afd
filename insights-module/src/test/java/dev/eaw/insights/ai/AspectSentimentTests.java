package dev.eaw.insights.ai;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** AI_SENTIMENT's labels from sentence scores: overall from all sentences, an aspect from those that mention it. */
class AspectSentimentTests {

	/** Scores "good" sentences +0.8, "bad" ones -0.8, others 0. */
	private final AspectSentiment sentiment = new AspectSentiment(new SentimentScorer() {
		@Override
		public double score(String text) {
			return text.contains("good") ? 0.8 : text.contains("bad") ? -0.8 : 0;
		}

		@Override
		public String version() {
			return "stub";
		}
	});

	@Test
	void aspectsAreJudgedBySentencesThatMentionThem() {
		// https://docs.snowflake.com/en/sql-reference/functions/ai_sentiment — unknown, positive, negative, neutral, mixed
		List<Map<String, String>> categories = sentiment.categories(
				"The food was good. Waiting times were bad. The service was good. Later the service was bad. We paid by card.",
				List.of("food", "wait time", "service", "payment", "parking"));
		assertThat(categories).extracting(c -> c.get("name") + "=" + c.get("sentiment")).containsExactly("overall=mixed",
				"food=positive", "wait time=negative", "service=mixed", "payment=unknown", "parking=unknown");
	}

	@Test
	void aTextWithoutPolarSentencesIsNeutral() {
		assertThat(sentiment.categories("We paid by card. It rained.", List.of("card")))
			.extracting(c -> c.get("sentiment")).containsExactly("neutral", "neutral");
	}

}
