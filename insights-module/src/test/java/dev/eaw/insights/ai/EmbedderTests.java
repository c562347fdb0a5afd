package dev.eaw.insights.ai;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbedderTests {

	private static final Embedder embedder = Embedder.bgeSmall();

	@Test
	void similarSentencesAreCloserThanUnrelatedOnes() {
		List<float[]> v = embedder.embedAll(List.of("The delivery arrived late and broken.",
				"My package came damaged and after the promised date.", "Photosynthesis converts light into energy."));
		assertThat(v.get(0)).hasSize(384);
		assertThat(Embedder.cosine(v.get(0), v.get(1))).isGreaterThan(Embedder.cosine(v.get(0), v.get(2)) + 0.1);
		assertThat(Embedder.cosine(v.get(0), embedder.embed("The delivery arrived late and broken."))).isGreaterThan(0.999);
	}

}
