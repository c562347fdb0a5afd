package dev.eaw.docqa.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.retrieval.Fusion.Fused;

/**
 * Maximal marginal relevance: picks, one at a time, the candidate with the best {@code λ·relevance − (1 − λ)·(its
 * highest similarity to those already picked)}, relevance being the fused score scaled to [0, 1].
 */
public final class Mmr {

	public static final double LAMBDA = 0.7;

	private Mmr() {
	}

	public static List<Fused> rerank(List<Fused> candidates, Map<Long, float[]> vectors, int k, double lambda) {
		if (candidates.isEmpty()) {
			return candidates;
		}
		double max = candidates.stream().mapToDouble(Fused::score).max().orElse(1);
		double min = candidates.stream().mapToDouble(Fused::score).min().orElse(0);
		List<Fused> left = new ArrayList<>(candidates);
		List<Fused> picked = new ArrayList<>();
		while (picked.size() < k && !left.isEmpty()) {
			Fused best = null;
			double bestValue = Double.NEGATIVE_INFINITY;
			for (Fused candidate : left) {
				double relevance = max > min ? (candidate.score() - min) / (max - min) : 1;
				double redundancy = 0;
				float[] vector = vectors.get(candidate.chunkId());
				for (Fused chosen : picked) {
					float[] other = vectors.get(chosen.chunkId());
					if (vector != null && other != null) {
						redundancy = Math.max(redundancy, DocqaEmbedder.dot(vector, other));
					}
				}
				double value = lambda * relevance - (1 - lambda) * redundancy;
				if (value > bestValue) {
					bestValue = value;
					best = candidate;
				}
			}
			picked.add(best);
			left.remove(best);
		}
		return picked;
	}

}
