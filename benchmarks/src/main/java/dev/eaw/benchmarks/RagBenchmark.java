package dev.eaw.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.eaw.docqa.chunking.Sentences;
import dev.eaw.docqa.chunking.Span;
import dev.eaw.docqa.embedding.DocqaEmbedder;

/**
 * {@code rag}: retrieval quality and speed of the Document Q&amp;A module's embedded store on a BEIR folder, in-process
 * through the module's own index, embedder and fusion ({@link RagIndex}). For each model: BM25 alone, dense alone,
 * hybrid convex (the default) and hybrid RRF → nDCG@k, recall@1/5/20, MRR@k, query p50/p95 (query embedding
 * included) and the ingest rate (embedding + indexing). Then hybrid latency on a larger index built from the corpus
 * ({@link #expand}, 10,000 chunks by default; {@code --scale 0} skips it).
 */
final class RagBenchmark implements BenchmarkCommand {

	@Override
	public String name() {
		return "rag";
	}

	@Override
	public String usage() {
		return "rag --beir DIR [--models bge-small-q,minilm-q] [--k 10] [--scale 10000] [--titles] [--queries N]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		BeirSet set = BeirSet.read(flags.existing("beir"));
		int k = flags.integer("k", 10);
		int scale = flags.integer("scale", 10_000);
		List<BeirSet.Query> queries = set.queries()
			.subList(0, Math.min(set.queries().size(), flags.integer("queries", set.queries().size())));
		DocqaEmbedder bge = new DocqaEmbedder();
		RagIndex.Chunks chunks = RagIndex.chunks(set.corpus(), flags.has("titles"), bge);
		System.err.println("rag: " + set.corpus().size() + " documents, " + queries.size() + " queries; " + chunks.how());
		List<Row> rows = new ArrayList<>();
		boolean bm25Done = false;
		for (String key : flags.get("models", "bge-small-q,minilm-q").split(",")) {
			try (RagIndex index = RagIndex.build(chunks.chunks(), RagIndex.model(key, bge))) {
				for (RagIndex.Mode mode : RagIndex.Mode.values()) {
					if (mode == RagIndex.Mode.BM25 && bm25Done) {
						continue;
					}
					Row row = measure(index, mode, queries, set.corpus(), k);
					if (mode != RagIndex.Mode.BM25) {
						row.metric("ingest_chunks_per_s", index.ingestChunksPerSecond());
					}
					if (mode == RagIndex.Mode.CONVEX && index.model().name().equals(RagIndex.DEFAULT_MODEL)) {
						row.asDefault();
					}
					rows.add(row);
				}
				bm25Done = true;
			}
		}
		if (scale > 0) {
			List<RagIndex.Chunk> many = expand(chunks.chunks(), scale);
			System.err.println("rag: " + many.size() + "-chunk index: the chunks above, then windows of 1, 2, 3, ... "
					+ "consecutive sentences of each (shortest first), each window counting as its document");
			try (RagIndex index = RagIndex.build(many, RagIndex.model(RagIndex.DEFAULT_MODEL, bge))) {
				Row row = measure(index, RagIndex.Mode.CONVEX, queries, set.corpus(), k);
				rows.add(row.metric("ingest_chunks_per_s", index.ingestChunksPerSecond()).asDefault());
			}
		}
		return rows;
	}

	/** One mode over all queries, after 20 untimed warm-up queries. */
	private static Row measure(RagIndex index, RagIndex.Mode mode, List<BeirSet.Query> queries, List<BeirSet.Doc> corpus,
			int k) {
		for (BeirSet.Query query : queries.subList(0, Math.min(20, queries.size()))) {
			index.rank(mode, query.text(), corpus);
		}
		double ndcg = 0;
		double[] recall = new double[3];
		int[] at = { 1, 5, 20 };
		double mrr = 0;
		long[] nanos = new long[queries.size()];
		for (int i = 0; i < queries.size(); i++) {
			BeirSet.Query query = queries.get(i);
			long started = System.nanoTime();
			List<String> ranked = index.rank(mode, query.text(), corpus);
			nanos[i] = System.nanoTime() - started;
			ndcg += RetrievalMetrics.ndcg(ranked, query.relevant(), k);
			mrr += RetrievalMetrics.mrr(ranked, query.relevant(), k);
			for (int r = 0; r < at.length; r++) {
				recall[r] += RetrievalMetrics.recall(ranked, query.relevant(), at[r]);
			}
		}
		Arrays.sort(nanos);
		int n = queries.size();
		String system = mode == RagIndex.Mode.BM25 ? mode.label : mode.label + ", " + index.model().name();
		return Row.of(system + ", " + index.size() + " chunks")
			.metric("nDCG@" + k, ndcg / n)
			.metric("recall@1", recall[0] / n)
			.metric("recall@5", recall[1] / n)
			.metric("recall@20", recall[2] / n)
			.metric("MRR@" + k, mrr / n)
			.metric("p50_ms", HttpLatency.percentile(nanos, 0.50))
			.metric("p95_ms", HttpLatency.percentile(nanos, 0.95));
	}

	/**
	 * A larger index made from the corpus: the chunks themselves, then, round by round, every window of 1, 2, 3, ...
	 * consecutive sentences of each chunk (shorter than the chunk), until {@code size}; if that is not enough, the
	 * windows again with a marker word so their text differs. Each window keeps its chunk's document.
	 */
	static List<RagIndex.Chunk> expand(List<RagIndex.Chunk> chunks, int size) {
		List<RagIndex.Chunk> out = new ArrayList<>(chunks.subList(0, Math.min(size, chunks.size())));
		List<List<Span>> sentences = chunks.stream().map(c -> Sentences.split(c.text())).toList();
		int longest = sentences.stream().mapToInt(List::size).max().orElse(0);
		List<RagIndex.Chunk> windows = new ArrayList<>();
		for (int length = 1; length < longest; length++) {
			for (int c = 0; c < chunks.size(); c++) {
				List<Span> spans = sentences.get(c);
				for (int start = 0; start + length <= spans.size() && length < spans.size(); start++) {
					String text = chunks.get(c).text().substring(spans.get(start).start(), spans.get(start + length - 1).end());
					windows.add(new RagIndex.Chunk(chunks.get(c).doc(), text));
				}
			}
		}
		if (windows.isEmpty()) {
			windows.addAll(chunks);
		}
		for (int round = 0; out.size() < size; round++) {
			for (int w = 0; w < windows.size() && out.size() < size; w++) {
				RagIndex.Chunk window = windows.get(w);
				out.add(round == 0 ? window : new RagIndex.Chunk(window.doc(), "(variant " + round + ") " + window.text()));
			}
		}
		return out;
	}

}
