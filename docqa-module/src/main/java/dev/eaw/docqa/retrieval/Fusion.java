package dev.eaw.docqa.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.index.ChunkIndex.Hit;
import dev.eaw.kernel.InvalidInput;

/** Fuses a BM25 and a dense result list into one ranking (see the package notes). */
public final class Fusion {

	/** The constant of reciprocal rank fusion. */
	public static final int RRF_K = 60;

	public enum Method {

		CONVEX, RRF;

		public static Method of(String key) {
			try {
				return valueOf(key.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("Unknown fusion '" + key + "'; use convex or rrf.");
			}
		}

	}

	/** A fused chunk with what each retriever said about it (ranks from 1). */
	public record Fused(long chunkId, long documentId, double score, @Nullable Double bm25, @Nullable Integer bm25Rank,
			@Nullable Double dense, @Nullable Integer denseRank) {
	}

	private final Method method;

	private final double weight;

	public Fusion(Method method, double weight) {
		if (!(weight >= 0 && weight <= 1)) {
			throw new IllegalArgumentException("The BM25 weight must lie in [0, 1], not " + weight);
		}
		this.method = method;
		this.weight = weight;
	}

	public Method method() {
		return method;
	}

	/** Only one list: its own scores and ranks. */
	public static List<Fused> single(List<Hit> hits, boolean bm25) {
		List<Fused> fused = new ArrayList<>(hits.size());
		for (int i = 0; i < hits.size(); i++) {
			Hit hit = hits.get(i);
			fused.add(bm25 ? new Fused(hit.chunkId(), hit.documentId(), hit.score(), hit.score(), i + 1, null, null)
					: new Fused(hit.chunkId(), hit.documentId(), hit.score(), null, null, hit.score(), i + 1));
		}
		return fused;
	}

	public List<Fused> fuse(List<Hit> bm25, List<Hit> dense) {
		Map<Long, double[]> parts = new LinkedHashMap<>();
		Map<Long, Long> documents = new LinkedHashMap<>();
		add(bm25, 0, weight, parts, documents);
		add(dense, 2, 1 - weight, parts, documents);
		List<Fused> fused = new ArrayList<>(parts.size());
		parts.forEach((id, p) -> fused.add(new Fused(id, documents.get(id), p[4], p[1] > 0 ? p[0] : null,
				p[1] > 0 ? (int) p[1] : null, p[3] > 0 ? p[2] : null, p[3] > 0 ? (int) p[3] : null)));
		fused.sort(Comparator.comparingDouble(Fused::score).reversed()
			.thenComparing(f -> f.bm25Rank() == null ? Integer.MAX_VALUE : f.bm25Rank()));
		return fused;
	}

	/** Adds one retriever's list: its score and rank at {@code slot} and {@code slot + 1}, its share of the fused score. */
	private void add(List<Hit> hits, int slot, double share, Map<Long, double[]> parts, Map<Long, Long> documents) {
		double[] range = range(hits);
		for (int i = 0; i < hits.size(); i++) {
			Hit hit = hits.get(i);
			documents.put(hit.chunkId(), hit.documentId());
			double[] p = parts.computeIfAbsent(hit.chunkId(), id -> empty());
			p[slot] = hit.score();
			p[slot + 1] = i + 1;
			p[4] += method == Method.RRF ? 1.0 / (RRF_K + i + 1) : share * normalise(hit.score(), range);
		}
	}

	private static double[] empty() {
		return new double[] { 0, 0, 0, 0, 0 };
	}

	private static double[] range(List<Hit> hits) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (Hit hit : hits) {
			min = Math.min(min, hit.score());
			max = Math.max(max, hit.score());
		}
		return new double[] { min, max };
	}

	private static double normalise(double score, double[] range) {
		return range[1] > range[0] ? (score - range[0]) / (range[1] - range[0]) : 1.0;
	}

}
