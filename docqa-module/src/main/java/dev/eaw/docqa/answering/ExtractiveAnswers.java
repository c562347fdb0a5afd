package dev.eaw.docqa.answering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.Answer;
import dev.eaw.docqa.AnswerListener;
import dev.eaw.docqa.AskOptions;
import dev.eaw.docqa.Citation;
import dev.eaw.docqa.QuestionAnswering;
import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.chunking.Sentences;
import dev.eaw.docqa.chunking.Span;
import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.docqa.retrieval.HybridSearch;
import dev.eaw.kernel.InvalidInput;

/** Extractive answers with citations (see the package notes). */
public final class ExtractiveAnswers implements QuestionAnswering {

	/** How many chunks the sentences are taken from. */
	public static final int CHUNKS = 5;

	/** The default of {@code eaw.docqa.answer-threshold} (keep in step with {@code DocqaSettings}). */
	public static final double DEFAULT_THRESHOLD = 0.55;

	/** How far below the best sentence another one may score and still be quoted. */
	static final double MARGIN = 0.06;

	static final int MAX_SENTENCES = 3;

	/**
	 * Words that make a sentence a question rather than say what it is about ("how many … do I get"); they carry no
	 * evidence, and a small collection that never uses them would weigh them as rare, sinking every sentence's
	 * lexical score. Analysed like the text before use.
	 */
	static final String QUESTION_WORDS = "how many much what which who whom whose when where why do does did i me my "
			+ "we our you your get gets can could would should shall has have had tell please";

	private final CollectionRows collections;

	private final HybridSearch search;

	private final ChunkIndex index;

	private final DocqaEmbedder embedder;

	private final double threshold;

	public ExtractiveAnswers(CollectionRows collections, HybridSearch search, ChunkIndex index,
			DocqaEmbedder embedder, double threshold) {
		this.collections = collections;
		this.search = search;
		this.index = index;
		this.embedder = embedder;
		this.threshold = threshold;
	}

	/**
	 * A sentence of a retrieved chunk with its score; {@code rank} is its chunk's place in the search. Public, with
	 * {@link #score} and {@link #choose(List, double)}, for the benchmarks, which retrieve without the database.
	 */
	public record Candidate(SearchHit hit, int rank, Span span, String text, double score) {
	}

	@Override
	public Answer ask(String collection, String question, @Nullable String conversationId, AskOptions options,
			AnswerListener listener) {
		long started = System.nanoTime();
		long collectionId = collections.require(collection).id();
		check(question);
		DocqaEmbedder model = search.embedder(collectionId);
		float[] vector = model.embed(question);
		Retrieval.Result retrieved = Retrieval.retrieve(search, collectionId, question, vector, options);
		List<SearchHit> hits = retrieved.used();
		listener.retrieved(hits);
		List<Candidate> candidates = score(model, question, vector, hits);
		List<Candidate> chosen = choose(candidates, options.answerThreshold(threshold));
		Answer answer;
		if (chosen.isEmpty()) {
			listener.text(Answer.NO_ANSWER);
			answer = new Answer(Answer.NO_ANSWER, List.of(), "extractive", millis(started));
		}
		else {
			answer = answer(chosen, listener, started);
		}
		Answer listed = answer.withContexts(retrieved.contexts(answer.citations(), options));
		return retrieved.notice() == null ? listed : listed.withNotice(retrieved.notice(), retrieved.degraded());
	}

	/** Refuses a blank or overlong question. */
	static void check(String question) {
		if (question.isBlank() || question.length() > 2000) {
			throw new InvalidInput("Ask a question of 1 to 2000 characters: {\"question\": \"…\"}.");
		}
	}

	/** Every sentence (of three words or more) of the hits, scored against the question and its embedding. */
	public List<Candidate> score(String question, float[] vector, List<SearchHit> hits) {
		return score(embedder, question, vector, hits);
	}

	/** {@link #score(String, float[], List)} with the model the question's vector was made with. */
	List<Candidate> score(DocqaEmbedder embedder, String question, float[] vector, List<SearchHit> hits) {
		Map<String, Double> weights = new java.util.LinkedHashMap<>(index.termWeights(question));
		weights.keySet().removeAll(index.terms(QUESTION_WORDS));
		double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
		List<Candidate> sentences = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int rank = 0; rank < hits.size(); rank++) {
			SearchHit hit = hits.get(rank);
			for (Span span : Sentences.split(hit.text())) {
				String text = span.of(hit.text());
				if (text.split("\\s+").length >= 3 && seen.add(text)) {
					sentences.add(new Candidate(hit, rank, span, text, 0));
				}
			}
		}
		List<float[]> vectors = embedder.embedAll(sentences.stream().map(Candidate::text).toList());
		List<Candidate> scored = new ArrayList<>(sentences.size());
		for (int i = 0; i < sentences.size(); i++) {
			Candidate c = sentences.get(i);
			double lexical = 0;
			if (total > 0) {
				Set<String> terms = new HashSet<>(index.terms(c.text()));
				for (Map.Entry<String, Double> weight : weights.entrySet()) {
					if (terms.contains(weight.getKey())) {
						lexical += weight.getValue();
					}
				}
				lexical /= total;
			}
			double score = 0.65 * DocqaEmbedder.dot(vector, vectors.get(i)) + 0.35 * lexical;
			scored.add(new Candidate(c.hit(), c.rank(), c.span(), c.text(), score));
		}
		return scored;
	}

	/** Up to three sentences near the best one, above the threshold, in document order. */
	List<Candidate> choose(List<Candidate> candidates) {
		return choose(candidates, threshold);
	}

	/** {@link #choose(List)} with another threshold; an empty list is the answer "no answer found". */
	public static List<Candidate> choose(List<Candidate> candidates, double threshold) {
		List<Candidate> ranked = new ArrayList<>(candidates);
		ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
		if (ranked.isEmpty() || ranked.get(0).score() < threshold) {
			return List.of();
		}
		double floor = Math.max(threshold, ranked.get(0).score() - MARGIN);
		List<Candidate> chosen = new ArrayList<>(ranked.stream().filter(c -> c.score() >= floor).limit(MAX_SENTENCES).toList());
		Map<Long, Integer> documentOrder = new LinkedHashMap<>();
		for (Candidate c : ranked) {
			documentOrder.putIfAbsent(c.hit().documentId(), documentOrder.size());
		}
		chosen.sort(Comparator.comparingInt((Candidate c) -> documentOrder.get(c.hit().documentId()))
			.thenComparingLong(c -> c.hit().chunkId())
			.thenComparingInt(c -> c.span().start()));
		return chosen;
	}

	private Answer answer(List<Candidate> chosen, AnswerListener listener, long started) {
		Map<Long, Integer> numbers = new LinkedHashMap<>();
		Map<Long, List<Candidate>> byChunk = new LinkedHashMap<>();
		StringBuilder text = new StringBuilder();
		for (Candidate c : chosen) {
			int number = numbers.computeIfAbsent(c.hit().chunkId(), id -> numbers.size() + 1);
			byChunk.computeIfAbsent(c.hit().chunkId(), id -> new ArrayList<>()).add(c);
			String piece = (text.isEmpty() ? "" : " ") + c.text() + " [" + number + "]";
			text.append(piece);
			listener.text(piece);
		}
		List<Citation> citations = new ArrayList<>();
		byChunk.forEach((chunkId, sentences) -> {
			SearchHit hit = sentences.get(0).hit();
			String snippet = String.join(" ", sentences.stream().map(Candidate::text).toList());
			double score = sentences.stream().mapToDouble(Candidate::score).max().orElse(0);
			int from = sentences.stream().mapToInt(c -> c.span().start()).min().orElse(0);
			int to = sentences.stream().mapToInt(c -> c.span().end()).max().orElse(0);
			citations.add(new Citation(numbers.get(chunkId), hit, snippet, score, from, to));
		});
		return new Answer(text.toString(), citations, "extractive", millis(started));
	}

	static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
