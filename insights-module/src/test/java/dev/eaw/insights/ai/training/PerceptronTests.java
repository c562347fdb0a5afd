package dev.eaw.insights.ai.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.eaw.insights.ai.SentimentHead;

import static org.assertj.core.api.Assertions.assertThat;

class PerceptronTests {

	@Test
	void learnsANonLinearRuleAndStopsEarly() {
		Random random = new Random(3);
		int n = 2000;
		float[][] x = new float[n][4];
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			for (int f = 0; f < 4; f++) {
				x[i][f] = (float) random.nextGaussian();
			}
			y[i] = x[i][0] * x[i][1] > 0 ? 1 : 0; // XOR of signs: no linear model gets this
		}
		int[] train = IntStream.range(0, 1600).toArray();
		int[] held = IntStream.range(1600, n).toArray();
		Perceptron.Settings settings = new Perceptron.Settings(16, 0.01, 0.0001, 0.0, 0.0, 32, 40, 5);
		Perceptron.Result result = Perceptron.train(x, y, train, held, settings, 1, "test");
		assertThat(result.accuracy()).isGreaterThan(0.9);
		assertThat(result.epochs()).isBetween(1, 40);
		SentimentHead.Member member = result.member();
		float[] z = new float[16];
		int correct = 0;
		for (int i : held) {
			correct += (SentimentHead.logit(member, x[i], z) >= 0 ? 1 : 0) == y[i] ? 1 : 0;
		}
		assertThat(correct / 400.0).isEqualTo(result.accuracy());
	}

	@Test
	void heldOutSentencesTakeTheirPhrasesOutOfTraining() {
		List<String> texts = List.of("a truly great film with a fine cast and a smart script", "a truly great film",
				"fine cast", "an utterly dull and lifeless piece of work from start to end", "dull", "lifeless piece");
		List<Integer> train = new ArrayList<>();
		List<Integer> held = new ArrayList<>();
		Splits.sentenceHoldout(texts, 1, new Random(1), train, held);
		assertThat(held).hasSize(1);
		int sentence = held.get(0);
		assertThat(train).doesNotContain(sentence);
		if (sentence == 0) {
			assertThat(train).containsExactly(3, 4, 5);
		}
		else {
			assertThat(sentence).isEqualTo(3);
			assertThat(train).containsExactly(0, 1, 2);
		}
	}

}
