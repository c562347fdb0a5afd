package dev.eaw.docqa.answering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.index.LuceneChunkIndex;
import dev.eaw.docqa.retrieval.Fusion;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A quality check that only prints: nDCG@10, recall@5 and MRR@10 of BM25, dense and both fusions through the real
 * index on a BEIR folder, and how often the extractive answer quotes the gold answer. Runs only with
 * {@code -Deaw.beir=DIR} (e.g. {@code ../shared/data/rag/xquad-en-beir}). The commands {@code rag} and
 * {@code answer} of {@code benchmarks.jar} measure the shipped configuration (see {@code docs/benchmarks.md}); this
 * test keeps the tuning sweeps they do not run: both analyzers, convex weights, the bge query instruction, and the
 * best-sentence scores of unrelated questions that the answer threshold was set from. Being a sweep that asserts
 * nothing, it is tagged {@code tuning} and left out of the build's tests:
 * {@code ./mvnw -pl docqa-module test -Dgroups=tuning -DexcludedGroups=none -Deaw.beir=…}.
 */
@Tag("tuning")
class XquadQualityTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	record Query(String id, String text, String relevant, List<String> answers) {
	}

	@Test
	void printRetrievalAndAnswerQuality() throws IOException {
		String beir = System.getProperty("eaw.beir", "");
		assumeTrue(!beir.isBlank() && Files.isDirectory(Path.of(beir)), "set -Deaw.beir=DIR to run");
		Path root = Path.of(beir);
		List<String> ids = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (String line : Files.readAllLines(root.resolve("corpus.jsonl"))) {
			JsonNode doc = JSON.readTree(line);
			ids.add(doc.get("_id").asText());
			texts.add(doc.get("text").asText());
		}
		Map<String, String> qrels = new HashMap<>();
		for (String line : Files.readAllLines(root.resolve("qrels/test.tsv")).stream().skip(1).toList()) {
			String[] f = line.split("\t");
			qrels.put(f[0], f[1]);
		}
		Map<String, List<String>> answers = new HashMap<>();
		if (Files.exists(root.resolve("answers.jsonl"))) {
			for (String line : Files.readAllLines(root.resolve("answers.jsonl"))) {
				JsonNode a = JSON.readTree(line);
				List<String> list = new ArrayList<>();
				a.get("answers").forEach(x -> list.add(x.asText()));
				answers.put(a.get("_id").asText(), list);
			}
		}
		List<Query> queries = new ArrayList<>();
		for (String line : Files.readAllLines(root.resolve("queries.jsonl"))) {
			JsonNode q = JSON.readTree(line);
			String id = q.get("_id").asText();
			if (qrels.containsKey(id)) {
				queries.add(new Query(id, q.get("text").asText(), qrels.get(id), answers.getOrDefault(id, List.of())));
			}
		}
		DocqaEmbedder embedder = new DocqaEmbedder();
		long t0 = System.nanoTime();
		List<float[]> vectors = embedder.embedAll(texts);
		System.out.printf("embedded %d paragraphs in %.1f s%n", texts.size(), (System.nanoTime() - t0) / 1e9);
		List<float[]> queryVectors = embedder.embedAll(queries.stream().map(Query::text).toList());
		String prefix = "Represent this sentence for searching relevant passages: ";
		List<float[]> prefixed = embedder.embedAll(queries.stream().map(q -> prefix + q.text()).toList());

		for (Map.Entry<String, Analyzer> analyzer : Map.of("english", (Analyzer) new EnglishAnalyzer(), "standard",
				new StandardAnalyzer()).entrySet()) {
			try (LuceneChunkIndex index = new LuceneChunkIndex(dir.resolve(analyzer.getKey()), analyzer.getValue())) {
				List<ChunkIndex.Entry> entries = new ArrayList<>();
				for (int i = 0; i < texts.size(); i++) {
					entries.add(new ChunkIndex.Entry(i, i, 1, "text", texts.get(i), vectors.get(i)));
				}
				index.add(entries);
				Map<String, Function<Integer, List<Long>>> systems = new LinkedHashMap<>();
				ChunkIndex.Filter all = ChunkIndex.Filter.collection(1);
				List<List<ChunkIndex.Hit>> bm25 = new ArrayList<>();
				List<List<ChunkIndex.Hit>> dense = new ArrayList<>();
				List<List<ChunkIndex.Hit>> densePrefixed = new ArrayList<>();
				for (int i = 0; i < queries.size(); i++) {
					bm25.add(index.searchText(queries.get(i).text(), all, 50));
					dense.add(index.searchVector(queryVectors.get(i), all, 50));
					densePrefixed.add(index.searchVector(prefixed.get(i), all, 50));
				}
				systems.put("bm25", i -> chunkIds(bm25.get(i)));
				systems.put("dense", i -> chunkIds(dense.get(i)));
				systems.put("dense+instruction", i -> chunkIds(densePrefixed.get(i)));
				systems.put("rrf", i -> fused(new Fusion(Fusion.Method.RRF, 0.5), bm25.get(i), dense.get(i)));
				for (double w : new double[] { 0.3, 0.4, 0.5, 0.6, 0.7 }) {
					systems.put("convex w=" + w, i -> fused(new Fusion(Fusion.Method.CONVEX, w), bm25.get(i), dense.get(i)));
				}
				for (Map.Entry<String, Function<Integer, List<Long>>> system : systems.entrySet()) {
					double ndcg = 0;
					double recall5 = 0;
					double mrr = 0;
					for (int i = 0; i < queries.size(); i++) {
						long relevant = ids.indexOf(queries.get(i).relevant());
						List<Long> ranked = system.getValue().apply(i);
						int rank = ranked.indexOf(relevant) + 1;
						if (rank >= 1 && rank <= 10) {
							ndcg += 1 / (Math.log(rank + 1) / Math.log(2));
							mrr += 1.0 / rank;
						}
						if (rank >= 1 && rank <= 5) {
							recall5++;
						}
					}
					int n = queries.size();
					System.out.printf(Locale.ROOT, "%-9s %-20s nDCG@10 %.4f  recall@5 %.4f  MRR@10 %.4f%n",
							analyzer.getKey(), system.getKey(), ndcg / n, recall5 / n, mrr / n);
				}
				if (analyzer.getKey().equals("english")) {
					answers(index, embedder, queries, texts, bm25, dense, queryVectors);
				}
			}
		}
	}

	private void answers(ChunkIndex index, DocqaEmbedder embedder, List<Query> queries, List<String> texts,
			List<List<ChunkIndex.Hit>> bm25, List<List<ChunkIndex.Hit>> dense, List<float[]> vectors) {
		ExtractiveAnswers answers = new ExtractiveAnswers(null, null, index, embedder, 0);
		Fusion fusion = new Fusion(Fusion.Method.CONVEX, 0.5);
		List<Double> best = new ArrayList<>();
		int contained = 0;
		int asked = Math.min(queries.size(), Integer.getInteger("eaw.beir.answers", 300));
		for (int i = 0; i < asked; i++) {
			List<SearchHit> hits = fusion.fuse(bm25.get(i), dense.get(i))
				.stream()
				.limit(ExtractiveAnswers.CHUNKS)
				.map(f -> new SearchHit(f.chunkId(), f.documentId(), "", null, "", texts.get((int) f.chunkId()),
						f.score(), null, null, null, null))
				.toList();
			List<ExtractiveAnswers.Candidate> scored = answers.score(queries.get(i).text(), vectors.get(i), hits);
			List<ExtractiveAnswers.Candidate> chosen = answers.choose(scored);
			best.add(chosen.stream().mapToDouble(ExtractiveAnswers.Candidate::score).max().orElse(0));
			String quoted = String.join(" ", chosen.stream().map(ExtractiveAnswers.Candidate::text).toList());
			if (queries.get(i).answers().stream().anyMatch(quoted::contains)) {
				contained++;
			}
		}
		System.out.printf(Locale.ROOT, "extractive answer contains the gold span: %.4f (%d questions)%n",
				(double) contained / asked, asked);
		System.out.println("best sentence score percentiles (answerable): " + percentiles(best));
		List<String> unrelated = List.of("Which team won the football world cup in 1974?",
				"How do I reset my router password?", "What is the boiling point of mercury?",
				"Who painted the Mona Lisa?", "How many calories are in a banana?",
				"What is the capital of Australia?", "How do I bake sourdough bread?",
				"When does the espresso machine need descaling?", "What is the price of a flight to Tokyo?",
				"How many moons does Jupiter have?");
		List<Double> none = new ArrayList<>();
		for (String question : unrelated) {
			float[] v = embedder.embed(question);
			List<SearchHit> hits = fusion.fuse(index.searchText(question, ChunkIndex.Filter.collection(1), 50),
					index.searchVector(v, ChunkIndex.Filter.collection(1), 50))
				.stream()
				.limit(ExtractiveAnswers.CHUNKS)
				.map(f -> new SearchHit(f.chunkId(), f.documentId(), "", null, "", texts.get((int) f.chunkId()),
						f.score(), null, null, null, null))
				.toList();
			none.add(answers.score(question, v, hits).stream().mapToDouble(ExtractiveAnswers.Candidate::score).max().orElse(0));
		}
		System.out.println("best sentence score percentiles (unrelated): " + percentiles(none));
	}

	private static String percentiles(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		StringBuilder out = new StringBuilder();
		for (double p : new double[] { 0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.9, 1 }) {
			int at = (int) Math.min(sorted.size() - 1, Math.floor(p * (sorted.size() - 1)));
			out.append(String.format(Locale.ROOT, "p%d=%.3f ", (int) (p * 100), sorted.get(at)));
		}
		return out.toString();
	}

	private static List<Long> chunkIds(List<ChunkIndex.Hit> hits) {
		return hits.stream().map(ChunkIndex.Hit::chunkId).toList();
	}

	private static List<Long> fused(Fusion fusion, List<ChunkIndex.Hit> bm25, List<ChunkIndex.Hit> dense) {
		return fusion.fuse(bm25, dense).stream().map(Fusion.Fused::chunkId).toList();
	}

}
