package dev.eaw.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Retrieval metrics of one query, as BEIR computes them: {@code ranked} are document ids best first, {@code relevant}
 * the qrels of the query (id → graded relevance, > 0 relevant).
 */
final class RetrievalMetrics {

	private RetrievalMetrics() {
	}

	/** nDCG@k with gain = relevance and discount log2(rank + 1). */
	static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
		double dcg = 0;
		for (int i = 0; i < Math.min(k, ranked.size()); i++) {
			dcg += relevant.getOrDefault(ranked.get(i), 0) / log2(i + 2);
		}
		List<Integer> ideal = relevant.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(k, ideal.size()); i++) {
			idcg += ideal.get(i) / log2(i + 2);
		}
		return idcg == 0 ? 0 : dcg / idcg;
	}

	/** The share of the relevant documents found in the first k. */
	static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
		long all = relevant.values().stream().filter(r -> r > 0).count();
		if (all == 0) {
			return 0;
		}
		long found = ranked.stream().limit(k).filter(id -> relevant.getOrDefault(id, 0) > 0).count();
		return (double) found / all;
	}

	/** 1 / the rank of the first relevant document, 0 if none is in the first k. */
	static double mrr(List<String> ranked, Map<String, Integer> relevant, int k) {
		for (int i = 0; i < Math.min(k, ranked.size()); i++) {
			if (relevant.getOrDefault(ranked.get(i), 0) > 0) {
				return 1.0 / (i + 1);
			}
		}
		return 0;
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

}
