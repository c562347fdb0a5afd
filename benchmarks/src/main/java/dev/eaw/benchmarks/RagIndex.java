package dev.eaw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.eaw.docqa.chunking.Chunker;
import dev.eaw.docqa.chunking.DraftChunk;
import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.extraction.ExtractedText;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.index.LuceneChunkIndex;
import dev.eaw.docqa.retrieval.Fusion;
import dev.eaw.docqa.retrieval.HybridSearch;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * A BEIR corpus in a temporary {@link LuceneChunkIndex} (the Document Q&amp;A module's embedded store: BM25 with its
 * {@code EnglishAnalyzer} and HNSW vectors in one index), embedded with one model, searched the way the module's
 * {@link HybridSearch} does (each retriever {@link HybridSearch#DEPTH} deep, then {@link Fusion}).
 */
final class RagIndex implements AutoCloseable {

	/** The module's default model, and its default fusion (convex, BM25 weight 0.5). */
	static final String DEFAULT_MODEL = "bge-small-q";

	static final Fusion CONVEX = new Fusion(Fusion.Method.CONVEX, 0.5);

	static final Fusion RRF = new Fusion(Fusion.Method.RRF, 0.5);

	private static final ChunkIndex.Filter ALL = ChunkIndex.Filter.collection(1);

	/** An embedding model: normalised vectors of texts. */
	interface Model {

		String name();

		List<float[]> embedAll(List<String> texts);

		float[] embed(String text);

	}

	/** The text indexed for a chunk and the corpus document (its position) it belongs to. */
	record Chunk(int doc, String text) {
	}

	/** The chunks of a corpus and a sentence saying how they were made. */
	record Chunks(List<Chunk> chunks, String how) {
	}

	enum Mode {

		BM25("bm25 (Lucene, EnglishAnalyzer)"), DENSE("dense"), CONVEX("hybrid convex w=0.5"), RRF("hybrid rrf k=60");

		final String label;

		Mode(String label) {
			this.label = label;
		}

	}

	private final Path dir;

	private final LuceneChunkIndex index;

	private final List<Chunk> chunks;

	private final Model model;

	private final double ingestSeconds;

	private RagIndex(List<Chunk> chunks, Model model) throws IOException {
		this.dir = Files.createTempDirectory("eaw-rag-bench");
		this.index = new LuceneChunkIndex(dir);
		this.chunks = chunks;
		this.model = model;
		long started = System.nanoTime();
		int batch = 1000;
		for (int from = 0; from < chunks.size(); from += batch) {
			List<Chunk> part = chunks.subList(from, Math.min(chunks.size(), from + batch));
			List<float[]> vectors = model.embedAll(part.stream().map(Chunk::text).toList());
			List<ChunkIndex.Entry> entries = new ArrayList<>(part.size());
			for (int i = 0; i < part.size(); i++) {
				entries.add(new ChunkIndex.Entry(from + i, part.get(i).doc(), 1, "text", part.get(i).text(), vectors.get(i)));
			}
			index.add(entries);
		}
		this.ingestSeconds = (System.nanoTime() - started) / 1e9;
	}

	/** Embeds and indexes the chunks (the time it takes is the ingest rate). */
	static RagIndex build(List<Chunk> chunks, Model model) throws IOException {
		return new RagIndex(chunks, model);
	}

	static Model model(String key, DocqaEmbedder bge) {
		return switch (key.trim()) {
			case DEFAULT_MODEL -> new Model() {

				public String name() {
					return DEFAULT_MODEL;
				}

				public List<float[]> embedAll(List<String> texts) {
					return bge.embedAll(texts);
				}

				public float[] embed(String text) {
					return bge.embed(text);
				}

			};
			case "minilm-q" -> new LangchainModel("minilm-q", new AllMiniLmL6V2QuantizedEmbeddingModel());
			default -> throw new IllegalArgumentException("Unknown model '" + key + "': use bge-small-q, minilm-q");
		};
	}

	/** A langchain4j model, its vectors normalised as the module's own embedder does. */
	private record LangchainModel(String name, EmbeddingModel model) implements Model {

		public List<float[]> embedAll(List<String> texts) {
			List<float[]> vectors = new ArrayList<>(texts.size());
			for (int from = 0; from < texts.size(); from += 32) {
				model.embedAll(texts.subList(from, Math.min(texts.size(), from + 32)).stream().map(TextSegment::from).toList())
					.content()
					.forEach(e -> vectors.add(normalise(e.vector())));
			}
			return vectors;
		}

		public float[] embed(String text) {
			return normalise(model.embed(text).content().vector());
		}

		private static float[] normalise(float[] v) {
			double norm = Math.sqrt(DocqaEmbedder.dot(v, v));
			float[] unit = new float[v.length];
			for (int i = 0; i < v.length; i++) {
				unit[i] = (float) (v[i] / norm);
			}
			return unit;
		}

	}

	/**
	 * Each corpus document as one chunk, unless a document is longer than the model reads ({@link
	 * DocqaEmbedder#MAX_TOKENS}): those are cut by the module's {@link Chunker} with its default budget (350 tokens,
	 * 50 overlap). With {@code titles} the title is put before the text (BEIR's usual input).
	 */
	static Chunks chunks(List<BeirSet.Doc> corpus, boolean titles, DocqaEmbedder tokens) {
		Chunker chunker = new Chunker(tokens, 350, 50);
		List<Chunk> chunks = new ArrayList<>();
		int longest = 0;
		int cut = 0;
		for (int d = 0; d < corpus.size(); d++) {
			BeirSet.Doc doc = corpus.get(d);
			String text = titles && !doc.title().isBlank() ? doc.title() + "\n\n" + doc.text() : doc.text();
			int count = tokens.count(text);
			longest = Math.max(longest, count);
			if (count <= DocqaEmbedder.MAX_TOKENS) {
				chunks.add(new Chunk(d, text));
				continue;
			}
			cut++;
			ExtractedText.Builder extracted = new ExtractedText.Builder();
			if (titles && !doc.title().isBlank()) {
				extracted.heading(1, doc.title(), null);
			}
			for (String paragraph : doc.text().split("\\n\\s*\\n")) {
				extracted.paragraph(paragraph, null);
			}
			for (DraftChunk chunk : chunker.chunk(extracted.build(null))) {
				chunks.add(new Chunk(d, chunk.embeddingText()));
			}
		}
		String how = cut == 0
				? "each of the " + corpus.size() + " documents is one chunk (longest " + longest + " tokens <= "
						+ DocqaEmbedder.MAX_TOKENS + ")" + (titles ? ", title + text" : ", text without title")
				: cut + " of " + corpus.size() + " documents over " + DocqaEmbedder.MAX_TOKENS
						+ " tokens cut by the module's Chunker (350 tokens, 50 overlap), the rest whole: " + chunks.size()
						+ " chunks";
		return new Chunks(chunks, how);
	}

	/** The corpus documents (ids) of one query, best first, as found by one mode (the query embedded here). */
	List<String> rank(Mode mode, String query, List<BeirSet.Doc> corpus) {
		int depth = HybridSearch.DEPTH;
		List<Long> chunkIds = switch (mode) {
			case BM25 -> ids(index.searchText(query, ALL, depth));
			case DENSE -> ids(index.searchVector(model.embed(query), ALL, depth));
			case CONVEX, RRF -> fused(mode == Mode.CONVEX ? CONVEX : RRF, query, model.embed(query)).stream()
				.map(Fusion.Fused::chunkId)
				.toList();
		};
		Set<String> docs = new LinkedHashSet<>();
		chunkIds.forEach(id -> docs.add(corpus.get(chunks.get(id.intValue()).doc()).id()));
		return List.copyOf(docs);
	}

	/** The hybrid search of the module with a query embedding already made. */
	List<Fusion.Fused> fused(Fusion fusion, String query, float[] vector) {
		return fusion.fuse(index.searchText(query, ALL, HybridSearch.DEPTH),
				index.searchVector(vector, ALL, HybridSearch.DEPTH));
	}

	ChunkIndex index() {
		return index;
	}

	Model model() {
		return model;
	}

	Chunk chunk(long id) {
		return chunks.get((int) id);
	}

	int size() {
		return chunks.size();
	}

	double ingestChunksPerSecond() {
		return chunks.size() / ingestSeconds;
	}

	private static List<Long> ids(List<ChunkIndex.Hit> hits) {
		return hits.stream().map(ChunkIndex.Hit::chunkId).toList();
	}

	@Override
	public void close() throws IOException {
		index.close();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
