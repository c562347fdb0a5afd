package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;

/**
 * How a question is answered, after Azure OpenAI "On Your Data" ({@code data_sources[].parameters}):
 * <ul>
 * <li>{@code topN} ({@code top_n_documents}, 1–20, default 5): how many chunks the answer may draw on.</li>
 * <li>{@code strictness} (1–5, default 3): how relevant a chunk and a sentence must be, see {@link #minRelevance()}
 * and {@link #answerThreshold(double)}; 3 is the behaviour without the option.</li>
 * <li>{@code inScope} ({@code in_scope}, default true): answer only from the documents; false lets a language model,
 * when one is configured, answer from general knowledge when the sources do not hold the answer (the answer is then
 * marked {@code grounded: false}); without a model it changes nothing.</li>
 * <li>{@code roleInformation} ({@code role_information}, at most {@value #MAX_ROLE} characters): put before the
 * model's system message.</li>
 * <li>{@code mode} ({@code query_type}): {@code simple} = BM25, {@code vector} = dense,
 * {@code vector_simple_hybrid} = both fused (the default).</li>
 * <li>{@code filter}: which documents may be drawn on.</li>
 * <li>{@code allRetrieved} ({@code include_contexts} with {@code all_retrieved_documents}): list every retrieved chunk
 * with its scores and why it was or was not used.</li>
 * </ul>
 */
public record AskOptions(int topN, int strictness, boolean inScope, @Nullable String roleInformation,
		SearchMode mode, DocumentFilter filter, boolean allRetrieved) {

	public static final int MAX_ROLE = 2000;

	public static final AskOptions DEFAULT = new AskOptions(5, 3, true, null, SearchMode.HYBRID, DocumentFilter.NONE,
			false);

	/** The minimum cosine similarity of a chunk to the question, by strictness (none up to 3). */
	private static final double[] MIN_RELEVANCE = { -1, -1, -1, 0.62, 0.70 };

	/** What is added to the extractive answer threshold, by strictness. */
	private static final double[] THRESHOLD_SHIFT = { -0.15, -0.07, 0, 0.07, 0.15 };

	public AskOptions {
		if (topN < 1 || topN > 20) {
			throw new InvalidInput("top_n_documents must lie between 1 and 20, not " + topN + ".");
		}
		if (strictness < 1 || strictness > 5) {
			throw new InvalidInput("strictness must lie between 1 and 5, not " + strictness + ".");
		}
		if (roleInformation != null && roleInformation.length() > MAX_ROLE) {
			throw new InvalidInput("role_information has at most " + MAX_ROLE + " characters, not "
					+ roleInformation.length() + ".");
		}
		if (roleInformation != null && roleInformation.isBlank()) {
			roleInformation = null;
		}
	}

	/**
	 * The cosine similarity (query embedding · chunk embedding) a retrieved chunk needs to be used: none at strictness
	 * 1 to 3, 0.62 at 4, 0.70 at 5. Chunks below it are reported as {@code below strictness threshold}.
	 */
	public double minRelevance() {
		return MIN_RELEVANCE[strictness - 1];
	}

	/**
	 * The score the best sentence needs for an extractive answer: the configured threshold
	 * ({@code eaw.docqa.answer-threshold}, 0.55) at strictness 3, 0.15 and 0.07 lower at 1 and 2, 0.07 and 0.15 higher
	 * at 4 and 5. A used chunk whose cosine similarity to the question lies 0.10 above it answers too (0.65 at 3).
	 */
	public double answerThreshold(double base) {
		return base + THRESHOLD_SHIFT[strictness - 1];
	}

}
