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
	static final double MARGIN = 0.08;

	/**
	 * How far below the best sentence the one right after it may score and still be quoted with it: a question's
	 * subject is often named in one sentence and the answer given in the next ("It was first sequenced in 1986", "As
	 * such, it…"), which shares few of the question's words.
	 */
	static final double NEXT_MARGIN = 0.30;

	/** How far below the best sentence the one right before it may score and still be quoted with it. */
	static final double PREVIOUS_MARGIN = 0.20;

	/**
	 * How far above the sentence threshold a used chunk's cosine similarity to the question must lie for the question to
	 * be answered although no single sentence reaches the threshold (the question's words spread over sentences):
	 * 0.65 at the default threshold. Moves with the threshold, so with strictness.
	 */
	static final double CHUNK_OVER_THRESHOLD = 0.10;

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
	 * A sentence of a retrieved chunk with its score; {@code rank} is its chunk's place in the search, {@code sentence}
	 * the sentence's place in the chunk (0 = first). Public, with {@link #score} and {@link #choose(List, double)}, for
	 * the benchmarks, which retrieve without the database.
	 */
	public record Candidate(SearchHit hit, int rank, int sentence, Span span, String text, double score) {

		/** Whether this sentence comes right after ({@code step} 1) or right before (-1) the other in the same chunk. */
		boolean follows(Candidate other, int step) {
			return hit.chunkId() == other.hit.chunkId() && sentence == other.sentence + step;
		}

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
			List<Span> spans = Sentences.split(hit.text());
			for (int i = 0; i < spans.size(); i++) {
				String text = spans.get(i).of(hit.text());
				if (text.split("\\s+").length >= 3 && seen.add(text)) {
					sentences.add(new Candidate(hit, rank, i, spans.get(i), text, 0));
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
			scored.add(new Candidate(c.hit(), c.rank(), c.sentence(), c.span(), c.text(), score));
		}
		return scored;
	}

	/** The sentences quoted: see {@link #choose(List, double)}. */
	List<Candidate> choose(List<Candidate> candidates) {
		return choose(candidates, threshold);
	}

	/**
	 * The sentences quoted, in document order; an empty list is the answer "no answer found". The question is answered
	 * when the best sentence reaches the threshold, or when a chunk the sentences come from is as a whole at least
	 * {@link #CHUNK_OVER_THRESHOLD} above it in cosine similarity to the question. Quoted are the best sentence, the
	 * ones right after and before it unless they score more than {@link #NEXT_MARGIN} / {@link #PREVIOUS_MARGIN} below
	 * it (they are its context, so the threshold does not apply to them), and others within {@link #MARGIN} of it and
	 * above the threshold: at most {@link #MAX_SENTENCES}, the best first.
	 */
	public static List<Candidate> choose(List<Candidate> candidates, double threshold) {
		List<Candidate> ranked = new ArrayList<>(candidates);
		ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
		if (ranked.isEmpty() || !answerable(ranked, threshold)) {
			return List.of();
		}
		Candidate best = ranked.get(0);
		// others: near the best and above the threshold, unless the chunk rule answered and the best is below it
		double floor = Math.max(best.score() - MARGIN, Math.min(threshold, best.score()));
		List<Candidate> chosen = new ArrayList<>(List.of(best));
		for (Candidate c : ranked.subList(1, ranked.size())) {
			if (chosen.size() >= MAX_SENTENCES) {
				break;
			}
			double below = best.score() - c.score();
			if (c.follows(best, 1) ? below <= NEXT_MARGIN
					: c.follows(best, -1) ? below <= PREVIOUS_MARGIN : c.score() >= floor) {
				chosen.add(c);
			}
		}
		Map<Long, Integer> documentOrder = new LinkedHashMap<>();
		for (Candidate c : ranked) {
			documentOrder.putIfAbsent(c.hit().documentId(), documentOrder.size());
		}
		chosen.sort(Comparator.comparingInt((Candidate c) -> documentOrder.get(c.hit().documentId()))
			.thenComparingLong(c -> c.hit().chunkId())
			.thenComparingInt(c -> c.span().start()));
		return chosen;
	}

	/** Whether the best sentence, or one of the chunks as a whole, is close enough to the question. */
	private static boolean answerable(List<Candidate> ranked, double threshold) {
		if (ranked.get(0).score() >= threshold) {
			return true;
		}
		double chunk = threshold + CHUNK_OVER_THRESHOLD;
		return ranked.stream().anyMatch(c -> c.hit().denseScore() != null && c.hit().denseScore() >= chunk);
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
