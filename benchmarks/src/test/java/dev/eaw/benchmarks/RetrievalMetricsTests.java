package dev.eaw.benchmarks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RetrievalMetricsTests {

	private static final Map<String, Integer> ONE = Map.of("d3", 1);

	private static final Map<String, Integer> TWO = Map.of("d1", 1, "d4", 1);

	private final List<String> ranked = List.of("d2", "d3", "d1", "d5", "d4");

	@Test
	void ndcgDiscountsARelevantDocumentByItsRank() {
		assertThat(RetrievalMetrics.ndcg(List.of("d3", "d2"), ONE, 10)).isEqualTo(1.0);
		// rank 2: 1 / log2(3)
		assertThat(RetrievalMetrics.ndcg(ranked, ONE, 10)).isCloseTo(0.6309, within(1e-4));
		// ranks 3 and 5 against the ideal ranks 1 and 2: (1/2 + 1/log2(6)) / (1 + 1/log2(3))
		assertThat(RetrievalMetrics.ndcg(ranked, TWO, 10)).isCloseTo(0.5438, within(1e-4));
		assertThat(RetrievalMetrics.ndcg(ranked, ONE, 1)).isZero();
	}

	@Test
	void ndcgUsesGradedRelevance() {
		// gains 1 at rank 1 and 2 at rank 2 against the ideal 2, 1
		double dcg = 1 + 2 / (Math.log(3) / Math.log(2));
		double ideal = 2 + 1 / (Math.log(3) / Math.log(2));
		assertThat(RetrievalMetrics.ndcg(List.of("a", "b"), Map.of("a", 1, "b", 2), 10)).isCloseTo(dcg / ideal,
				within(1e-9));
	}

	@Test
	void recallIsTheShareOfRelevantDocumentsInTheFirstK() {
		assertThat(RetrievalMetrics.recall(ranked, TWO, 1)).isZero();
		assertThat(RetrievalMetrics.recall(ranked, TWO, 3)).isEqualTo(0.5);
		assertThat(RetrievalMetrics.recall(ranked, TWO, 5)).isEqualTo(1.0);
		assertThat(RetrievalMetrics.recall(ranked, TWO, 20)).isEqualTo(1.0);
	}

	@Test
	void mrrIsTheReciprocalRankOfTheFirstRelevantDocumentWithinK() {
		assertThat(RetrievalMetrics.mrr(ranked, ONE, 10)).isEqualTo(0.5);
		assertThat(RetrievalMetrics.mrr(ranked, TWO, 10)).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(RetrievalMetrics.mrr(ranked, TWO, 2)).isZero();
		assertThat(RetrievalMetrics.mrr(List.of(), ONE, 10)).isZero();
	}

	@Test
	void theLargerIndexKeepsTheChunksThenAddsSentenceWindowsOfTheirDocuments() {
		List<RagIndex.Chunk> chunks = List.of(new RagIndex.Chunk(0, "One cat sat. Two dogs ran. Three birds sang."),
				new RagIndex.Chunk(1, "Four fish swam. Five ants dug."));
		List<RagIndex.Chunk> many = RagBenchmark.expand(chunks, 12);
		assertThat(many).hasSize(12);
		assertThat(many.subList(0, 2)).isEqualTo(chunks);
		assertThat(many.get(2)).isEqualTo(new RagIndex.Chunk(0, "One cat sat."));
		assertThat(many).contains(new RagIndex.Chunk(1, "Five ants dug."), new RagIndex.Chunk(0, "Two dogs ran. Three birds sang."));
		assertThat(many.get(10).text()).startsWith("(variant 1) ");
	}

}
