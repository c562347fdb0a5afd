package dev.eaw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.answering.ExtractiveAnswers;
import dev.eaw.docqa.chunking.Chunker;
import dev.eaw.docqa.chunking.DraftChunk;
import dev.eaw.docqa.extraction.ExtractedText;
import dev.eaw.docqa.extraction.ExtractionLimits;
import dev.eaw.docqa.extraction.Extractor;
import dev.eaw.docqa.extraction.FileType;
import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.retrieval.Fusion;

/**
 * {@code answer}: the Document Q&amp;A module's extractive answers on a BEIR folder with {@code answers.jsonl}. Per
 * question, as the module's {@code ask} does it but without the database: embed the question, hybrid search (convex)
 * for the best {@link ExtractiveAnswers#CHUNKS} chunks, score their sentences, choose the quoted ones. Reports how
 * often the quoted sentences contain a gold answer (case-insensitive), the share of "no answer found", p50/p95 of the
 * whole path, the mean number of sentences quoted, the same choice with the threshold disabled (same scoring, so no
 * second latency), and the share of unrelated questions refused. The {@code pdf}
 * row does it all again on the documents typeset as PDFs and read back through the module's extraction and chunking
 * (skipped with {@code --no-pdf}).
 */
final class AnswerBenchmark implements BenchmarkCommand {

	@Override
	public String name() {
		return "answer";
	}

	@Override
	public String usage() {
		return "answer --beir DIR (with answers.jsonl) [--titles] [--queries N] [--no-pdf]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		BeirSet set = BeirSet.read(flags.existing("beir"));
		if (!set.hasAnswers()) {
			throw new IllegalArgumentException("--beir needs answers.jsonl ({\"_id\": query id, \"answers\": [...]})");
		}
		List<BeirSet.Query> queries = set.queries()
			.stream()
			.filter(q -> !q.answers().isEmpty())
			.limit(flags.integer("queries", Integer.MAX_VALUE))
			.toList();
		DocqaEmbedder bge = new DocqaEmbedder();
		RagIndex.Chunks chunks = RagIndex.chunks(set.corpus(), flags.has("titles"), bge);
		System.err.println("answer: " + queries.size() + " questions with gold answers; " + chunks.how());
		Scores plain = measure(set, queries, unrelated(), chunks.chunks(), bge);
		List<RagIndex.Chunk> pdfChunks = flags.has("no-pdf") ? List.of() : pdfChunks(set.corpus(), bge);
		double n = queries.size();
		List<Row> rows = new ArrayList<>(List.of(
				Row.of("gold passage among the " + ExtractiveAnswers.CHUNKS + " chunks (ceiling)")
					.metric("questions", queries.size())
					.metric("contains_gold", plain.found() / n),
				plain.row("extractive, threshold " + ExtractiveAnswers.DEFAULT_THRESHOLD, n).asDefault(),
				Row.of("extractive, threshold disabled")
					.metric("questions", queries.size())
					.metric("contains_gold", plain.containedWithout() / n)
					.metric("no_answer", plain.noneWithout() / n),
				Row.of("unrelated questions, threshold " + ExtractiveAnswers.DEFAULT_THRESHOLD)
					.metric("questions", plain.unrelated())
					.metric("no_answer", plain.unrelatedRefused() / (double) plain.unrelated())));
		if (!pdfChunks.isEmpty()) {
			rows.add(measure(set, queries, List.of(), pdfChunks, bge)
				.row("pdf: typeset, extracted, chunked; threshold " + ExtractiveAnswers.DEFAULT_THRESHOLD, n));
		}
		return rows;
	}

	/** The counts of one pass over the questions, and the latency of each. */
	private record Scores(int found, int contained, int none, int containedWithout, int noneWithout, int sentences,
			int unrelated, int unrelatedRefused, long[] nanos) {

		Row row(String system, double n) {
			return Row.of(system)
				.metric("questions", (int) n)
				.metric("contains_gold", contained / n)
				.metric("no_answer", none / n)
				.metric("sentences", sentences / Math.max(1.0, n - none))
				.metric("p50_ms", HttpLatency.percentile(nanos, 0.50))
				.metric("p95_ms", HttpLatency.percentile(nanos, 0.95));
		}

	}

	/**
	 * Questions the XQuAD paragraphs do not answer (general knowledge, handbook matters): the first ten are those the
	 * threshold was set from in {@code XquadQualityTests}.
	 */
	static List<String> unrelated() throws IOException {
		try (var in = AnswerBenchmark.class.getResourceAsStream("/unrelated-questions.txt")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
				.filter(l -> !l.isBlank())
				.toList();
		}
	}

	private static Scores measure(BeirSet set, List<BeirSet.Query> queries, List<String> unrelated,
			List<RagIndex.Chunk> chunks, DocqaEmbedder bge) throws Exception {
		try (RagIndex index = RagIndex.build(chunks, RagIndex.model(RagIndex.DEFAULT_MODEL, bge))) {
			// ask() is not used, so no collections or search service: the hybrid search is done here
			ExtractiveAnswers answers = new ExtractiveAnswers(null, null, index.index(), bge,
					ExtractiveAnswers.DEFAULT_THRESHOLD);
			for (BeirSet.Query query : queries.subList(0, Math.min(10, queries.size()))) {
				answer(answers, index, bge, query.text()); // warm-up
			}
			int found = 0;
			int contained = 0;
			int none = 0;
			int containedWithout = 0;
			int noneWithout = 0;
			int sentences = 0;
			long[] nanos = new long[queries.size()];
			for (int i = 0; i < queries.size(); i++) {
				BeirSet.Query query = queries.get(i);
				long started = System.nanoTime();
				Answered answered = answer(answers, index, bge, query.text());
				List<ExtractiveAnswers.Candidate> chosen = ExtractiveAnswers.choose(answered.scored(),
						ExtractiveAnswers.DEFAULT_THRESHOLD);
				nanos[i] = System.nanoTime() - started;
				List<ExtractiveAnswers.Candidate> unlimited = ExtractiveAnswers.choose(answered.scored(),
						Double.NEGATIVE_INFINITY);
				found += answered.hits().stream().anyMatch(h -> query.relevant().getOrDefault(
						set.corpus().get(index.chunk(h.chunkId()).doc()).id(), 0) > 0) ? 1 : 0;
				contained += contains(chosen, query.answers()) ? 1 : 0;
				none += chosen.isEmpty() ? 1 : 0;
				sentences += chosen.size();
				containedWithout += contains(unlimited, query.answers()) ? 1 : 0;
				noneWithout += unlimited.isEmpty() ? 1 : 0;
			}
			int refused = 0;
			for (String question : unrelated) {
				refused += ExtractiveAnswers.choose(answer(answers, index, bge, question).scored(),
						ExtractiveAnswers.DEFAULT_THRESHOLD).isEmpty() ? 1 : 0;
			}
			Arrays.sort(nanos);
			return new Scores(found, contained, none, containedWithout, noneWithout, sentences, unrelated.size(),
					refused, nanos);
		}
	}

	/**
	 * Each document's paragraphs typeset as a PDF ({@link PdfTypesetter}: wrapped, hyphenated, running header and page
	 * numbers), read back by the module's {@link Extractor} and cut by its {@link Chunker} as an upload would be.
	 */
	private static List<RagIndex.Chunk> pdfChunks(List<BeirSet.Doc> corpus, DocqaEmbedder bge) throws IOException {
		Path dir = Files.createTempDirectory("answer-pdf");
		PdfTypesetter typesetter = new PdfTypesetter();
		Extractor extractor = new Extractor(new ExtractionLimits(100 << 20, 20 << 20));
		Chunker chunker = new Chunker(bge, 350, 50);
		List<RagIndex.Chunk> chunks = new ArrayList<>();
		try {
			for (int d = 0; d < corpus.size(); d++) {
				Path file = dir.resolve(d + ".pdf");
				typesetter.write("Benchmark handbook", List.of(corpus.get(d).text().split("\\n\\s*\\n")), file);
				ExtractedText text = extractor.extract(file, FileType.PDF);
				for (DraftChunk chunk : chunker.chunk(text)) {
					chunks.add(new RagIndex.Chunk(d, chunk.embeddingText()));
				}
				Files.delete(file);
			}
		}
		finally {
			Files.deleteIfExists(dir);
		}
		System.err.println("answer: pdf row: " + corpus.size() + " documents typeset, extracted and chunked into "
				+ chunks.size() + " chunks; " + typesetter.replaced() + " characters Times cannot write became '?'");
		return chunks;
	}

	private record Answered(List<SearchHit> hits, List<ExtractiveAnswers.Candidate> scored) {
	}

	/** The module's path up to the choice: embed, hybrid search, score the sentences of the best chunks. */
	private static Answered answer(ExtractiveAnswers answers, RagIndex index, DocqaEmbedder bge, String question) {
		float[] vector = bge.embed(question);
		List<SearchHit> hits = index.fused(RagIndex.CONVEX, question, vector)
			.stream()
			.limit(ExtractiveAnswers.CHUNKS)
			.map(f -> hit(f, index.chunk(f.chunkId()).text()))
			.toList();
		return new Answered(hits, answers.score(question, vector, hits));
	}

	private static SearchHit hit(Fusion.Fused f, String text) {
		return new SearchHit(f.chunkId(), f.documentId(), "", null, "", text, f.score(), f.bm25(), f.bm25Rank(),
				f.dense(), f.denseRank());
	}

	/** Whether the quoted sentences contain one of the gold answers, ignoring case. */
	static boolean contains(List<ExtractiveAnswers.Candidate> chosen, List<String> gold) {
		String quoted = String.join(" ", chosen.stream().map(ExtractiveAnswers.Candidate::text).toList())
			.toLowerCase(Locale.ROOT);
		return !quoted.isEmpty() && gold.stream().anyMatch(g -> quoted.contains(g.toLowerCase(Locale.ROOT)));
	}

}
