package dev.eaw.kernel.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.SentenceEncoders;
import dev.langchain4j.model.embedding.EmbeddingModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxSentenceEncodersTests {

	private final AtomicInteger made = new AtomicInteger();

	private final OnnxSentenceEncoders encoders = new OnnxSentenceEncoders(
			Map.of(SentenceEncoders.BGE_SMALL_Q, this::model, SentenceEncoders.MINILM_Q, this::model));

	private EmbeddingModel model() {
		made.incrementAndGet();
		return new EmbeddingModel() {
		};
	}

	@Test
	void eachModelIsMadeOnceAndOnlyWhenAskedFor() throws Exception {
		assertThat(encoders.loads()).containsEntry(SentenceEncoders.BGE_SMALL_Q, 0).containsEntry(SentenceEncoders.MINILM_Q, 0);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<EmbeddingModel>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> encoders.get(SentenceEncoders.BGE_SMALL_Q));
			}
			EmbeddingModel first = encoders.get(SentenceEncoders.BGE_SMALL_Q);
			for (Future<EmbeddingModel> model : pool.invokeAll(calls)) {
				assertThat(model.get()).isSameAs(first);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(made).hasValue(1);
		assertThat(encoders.loads()).containsEntry(SentenceEncoders.BGE_SMALL_Q, 1).containsEntry(SentenceEncoders.MINILM_Q, 0);
		assertThat(encoders.get(SentenceEncoders.MINILM_Q)).isNotSameAs(encoders.get(SentenceEncoders.BGE_SMALL_Q));
		assertThat(encoders.loads()).containsEntry(SentenceEncoders.MINILM_Q, 1);
	}

	@Test
	void anUnknownModelIsRefusedByName() {
		assertThatThrownBy(() -> encoders.get("e5-large")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("e5-large");
		assertThat(made).hasValue(0);
	}

}
