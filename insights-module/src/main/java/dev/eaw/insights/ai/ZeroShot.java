package dev.eaw.insights.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * AI_CLASSIFY in-process: each category is scored by the cosine between the input and "This text is about
 * {label}: {description}." and, for few-shot examples, the input's closest example of that category (the better of
 * the two counts). One label is the best category; {@code output_mode 'multi'} gives every category within
 * {@link #MULTI_MARGIN} of the best, best first.
 */
public final class ZeroShot {

	/** How close to the best score a category must be to be one of several labels. */
	static final double MULTI_MARGIN = 0.03;

	private final Embedder embedder;

	ZeroShot(Embedder embedder) {
		this.embedder = embedder;
	}

	/** A category as AI_CLASSIFY takes it: a label and an optional description. */
	public record Category(String label, String description) {
	}

	/** A few-shot example: an input and the labels it belongs to. */
	public record Example(String input, List<String> labels) {
	}

	List<String> labels(String text, List<Category> categories, boolean multi, List<Example> examples) {
		if (categories.isEmpty()) {
			throw new IllegalArgumentException("Give at least one category to classify into.");
		}
		List<String> prompts = new ArrayList<>();
		for (Category category : categories) {
			prompts.add("This text is about " + category.label()
					+ (category.description().isBlank() ? "" : ": " + category.description()) + ".");
		}
		examples.forEach(example -> prompts.add(example.input()));
		float[] vector = embedder.embed(text);
		List<float[]> vectors = embedder.embedAll(prompts);
		double[] scores = new double[categories.size()];
		for (int i = 0; i < categories.size(); i++) {
			scores[i] = Embedder.cosine(vector, vectors.get(i));
			for (int e = 0; e < examples.size(); e++) {
				if (examples.get(e).labels().contains(categories.get(i).label())) {
					scores[i] = Math.max(scores[i], Embedder.cosine(vector, vectors.get(categories.size() + e)));
				}
			}
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < scores.length; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble(i -> -scores[i]));
		double best = scores[order.get(0)];
		return order.stream()
			.filter(i -> i.equals(order.get(0)) || multi && scores[i] >= best - MULTI_MARGIN)
			.map(i -> categories.get(i).label())
			.toList();
	}

}
