package dev.eaw.insights.ai;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentimentModelTests {

	private static SentimentModel model;

	@BeforeAll
	static void load() {
		model = SentimentModel.load(Embedder.bgeSmall());
	}

	@Test
	void shippedWeightsLoadAndNameTheirModel() {
		assertThat(model.version()).startsWith(Embedder.BGE_SMALL_Q + "+");
		assertThat(model.members()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void clearReviewsGetTheRightSign() {
		assertThat(model.score("An absolute delight: witty, warm and beautifully acted.")).isGreaterThan(0.5);
		assertThat(model.score("The best film I have seen this year.")).isGreaterThan(0.5);
		assertThat(model.score("A tedious, clumsy mess that wastes a talented cast.")).isLessThan(-0.5);
		assertThat(model.score("I want my two hours back.")).isLessThan(0);
		assertThat(model.score("The plot is not good at all.")).isLessThan(0);
	}

	@Test
	void batchScoresMatchSingleScoresAndStayInRange() {
		List<String> texts = List.of("Great service, friendly staff.", "Terrible support, never again.",
				"", "It arrived on Tuesday.");
		double[] scores = model.scoreAll(texts);
		assertThat(scores).hasSize(4);
		assertThat(Arrays.stream(scores).allMatch(s -> s >= -1 && s <= 1)).isTrue();
		assertThat(scores[0]).isGreaterThan(0).isCloseTo(model.score(texts.get(0)), org.assertj.core.data.Offset.offset(1e-4));
		assertThat(scores[1]).isLessThan(0);
		assertThat(scores[2]).isZero();
	}

	@Test
	void nullAndBlankAreNeutral() {
		assertThat(model.score(null)).isZero();
		assertThat(model.score("  ")).isZero();
	}

	@Test
	void fallsBackToVaderWhenTheEmbeddingFails() {
		Embedder broken = new Embedder(null, Embedder.BGE_SMALL_Q);
		SentimentModel fallback = SentimentModel.load(broken);
		String text = "The food was great!";
		assertThat(fallback.score(text)).isEqualTo(model.vaderScore(text)).isGreaterThan(0.5);
		assertThat(fallback.scoreAll(List.of(text, "The food was not great."))).containsExactly(model.vaderScore(text),
				model.vaderScore("The food was not great."));
	}

	@Test
	void rejectsAHeadForAnotherEmbeddingModel() {
		Embedder other = new Embedder(null, "some-other-model");
		assertThatThrownBy(() -> SentimentModel.load(other)).isInstanceOf(IllegalArgumentException.class);
	}

}
