package dev.eaw.insights.ai;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentimentHeadTests {

	@Test
	void jsonRoundTripKeepsThePredictions() {
		Random random = new Random(7);
		int features = 5;
		int hidden = 3;
		List<SentimentHead.Member> members = List.of(member(random, features, hidden), member(random, features, hidden));
		SentimentHead head = new SentimentHead("test-v1", "model-x", hidden, new float[] { 0, 1, 0, 0, 2 },
				new float[] { 1, 2, 1, 0.5f, 1 }, members);
		SentimentHead read = SentimentHead.fromJson(head.toJson());
		assertThat(read.version()).isEqualTo("test-v1");
		assertThat(read.embedding()).isEqualTo("model-x");
		assertThat(read.members()).isEqualTo(2);
		for (int k = 0; k < 10; k++) {
			float[] x = new float[features];
			for (int f = 0; f < features; f++) {
				x[f] = (float) random.nextGaussian();
			}
			double p = head.probability(x);
			assertThat(p).isBetween(0.0, 1.0);
			assertThat(read.probability(x)).isEqualTo(p);
			assertThat(read.firstMembers(1).probability(x)).isBetween(0.0, 1.0);
		}
	}

	@Test
	void rejectsMismatchedWeightsAndInputs() {
		SentimentHead.Member member = new SentimentHead.Member(new float[6], new float[3], new float[3], 0);
		assertThatThrownBy(() -> new SentimentHead("v", "m", 3, new float[3], new float[3], List.of(member)))
			.isInstanceOf(IllegalArgumentException.class);
		SentimentHead head = new SentimentHead("v", "m", 3, new float[2], new float[] { 1, 1 }, List.of(member));
		assertThat(head.probability(new float[2])).isEqualTo(0.5);
		assertThatThrownBy(() -> head.probability(new float[3])).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SentimentHead.fromJson("{\"version\": [1,")).isInstanceOf(IllegalArgumentException.class);
	}

	private static SentimentHead.Member member(Random random, int features, int hidden) {
		float[] w1 = new float[features * hidden];
		for (int k = 0; k < w1.length; k++) {
			w1[k] = (float) random.nextGaussian();
		}
		float[] b1 = { 0.1f, -0.2f, 0.3f };
		float[] w2 = { 1.5f, -0.5f, 0.7f };
		return new SentimentHead.Member(w1, b1, w2, -0.25f);
	}

}
