package dev.eaw.docqa;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An answer with its numbered sources. {@code mode} is {@code extractive} (sentences quoted from the documents) or
 * {@code llm} (written by the language model from numbered sources); {@code usage} is the model's token usage (null
 * when extractive), {@code conversationId} the conversation the question belongs to, and {@code rewrittenQuestion}
 * the standalone question a follow-up was rewritten into before retrieval (null for a first question). An answer
 * made in an outage carries a {@code notice} saying so: extractive because the language model did not answer, or
 * {@code degraded} (BM25 alone) because the vector store was not reachable.
 */
public record Answer(String answer, List<Citation> citations, String mode, long latencyMs, @Nullable Usage usage,
		@Nullable String conversationId, @Nullable String rewrittenQuestion, @Nullable String notice,
		boolean degraded) {

	/** The notice of an extractive answer given because the language model failed. */
	public static final String LLM_FAILED = "The language model did not answer; this is an extractive answer from the "
			+ "documents.";

	public Answer(String answer, List<Citation> citations, String mode, long latencyMs, @Nullable Usage usage,
			@Nullable String conversationId, @Nullable String rewrittenQuestion) {
		this(answer, citations, mode, latencyMs, usage, conversationId, rewrittenQuestion, null, false);
	}

	/** The answer given when the documents hold nothing good enough; the model is told to refuse with it too. */
	public static final String NO_ANSWER = "No answer found in these documents.";

	/** An answer outside any conversation, without a model. */
	public Answer(String answer, List<Citation> citations, String mode, long latencyMs) {
		this(answer, citations, mode, latencyMs, null, null, null);
	}

	/** The same answer in the given conversation. */
	public Answer inConversation(String id) {
		return new Answer(answer, citations, mode, latencyMs, usage, id, rewrittenQuestion, notice, degraded);
	}

	/** The same answer with a notice added (after any it has); {@code degraded} when retrieval was BM25 alone. */
	public Answer withNotice(String added, boolean degradedRetrieval) {
		String notices = notice == null || notice.equals(added) ? added : notice + " " + added;
		return new Answer(answer, citations, mode, latencyMs, usage, conversationId, rewrittenQuestion, notices,
				degraded || degradedRetrieval);
	}

	/** Tokens a language model read ({@code prompt}) and wrote ({@code completion}) for an answer. */
	public record Usage(int prompt, int completion, int total) {

		public static final Usage NONE = new Usage(0, 0, 0);

		public Usage plus(Usage other) {
			return new Usage(prompt + other.prompt, completion + other.completion, total + other.total);
		}

	}

}
