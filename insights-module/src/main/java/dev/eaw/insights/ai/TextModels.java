package dev.eaw.insights.ai;

import dev.eaw.kernel.text.Sentences;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The embedding-based text functions that need no LLM (zero-shot classification is {@link ZeroShot}): extractive summaries, answer
 * extraction and similarity.
 */
public final class TextModels {

	/** bge's instruction for queries that look for passages. */
	private static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

	private final Embedder embedder;

	public TextModels(Embedder embedder) {
		this.embedder = embedder;
	}

	public Embedder embedder() {
		return embedder;
	}

	/**
	 * The sentences most central to the text (closest to the mean of all sentence vectors), skipping ones that
	 * repeat a chosen sentence, in their original order: about a third of the text, at most five sentences.
	 */
	public String summarize(String text) {
		List<String> sentences = Sentences.of(text);
		if (sentences.size() <= 2) {
			return text.strip();
		}
		List<float[]> vectors = embedder.embedAll(sentences);
		float[] centre = new float[vectors.get(0).length];
		vectors.forEach(v -> {
			for (int i = 0; i < v.length; i++) {
				centre[i] += v[i];
			}
		});
		int wanted = Math.max(1, Math.min(5, (int) Math.ceil(sentences.size() / 3.0)));
		List<Integer> chosen = new ArrayList<>();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble(i -> -Embedder.cosine(vectors.get(i), centre)));
		for (int candidate : order) {
			boolean repeats = chosen.stream().anyMatch(c -> Embedder.cosine(vectors.get(c), vectors.get(candidate)) > 0.9);
			if (!repeats) {
				chosen.add(candidate);
			}
			if (chosen.size() == wanted) {
				break;
			}
		}
		return chosen.stream().sorted().map(sentences::get).collect(Collectors.joining(" "));
	}

	/** The sentence that best answers the question, with a score in [0, 1]. */
	public Answer extractAnswer(String text, String question) {
		List<String> sentences = Sentences.of(text);
		if (sentences.isEmpty()) {
			return new Answer("", 0);
		}
		float[] q = embedder.embed(QUERY_PREFIX + question);
		List<float[]> vectors = embedder.embedAll(sentences);
		Set<String> questionWords = words(question);
		Answer best = new Answer("", -1);
		for (int i = 0; i < sentences.size(); i++) {
			double semantic = Embedder.cosine(q, vectors.get(i));
			Set<String> overlap = words(sentences.get(i));
			overlap.retainAll(questionWords);
			double lexical = questionWords.isEmpty() ? 0 : (double) overlap.size() / questionWords.size();
			double score = Math.max(0, Math.min(1, 0.8 * semantic + 0.2 * lexical));
			if (score > best.score()) {
				best = new Answer(sentences.get(i), score);
			}
		}
		return best;
	}

	public double similarity(String a, String b) {
		List<float[]> vectors = embedder.embedAll(List.of(a, b));
		return Embedder.cosine(vectors.get(0), vectors.get(1));
	}

	private static Set<String> words(String text) {
		Set<String> stop = Set.of("the", "a", "an", "is", "are", "was", "were", "of", "to", "in", "on", "and", "or",
				"what", "which", "who", "how", "why", "when", "where", "does", "do", "did", "it", "for", "with");
		return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter(w -> w.length() > 1 && !stop.contains(w))
			.collect(Collectors.toCollection(java.util.HashSet::new));
	}

	/** An extracted answer and how well it matches the question. */
	public record Answer(String answer, double score) {
	}

}
