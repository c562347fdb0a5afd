package dev.eaw.docqa;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An answer with its numbered sources. {@code mode} is {@code extractive} (sentences quoted from the documents) or
 * {@code llm} (written by the language model from numbered sources); {@code usage} is the model's token usage (null
 * when extractive), {@code conversationId} the conversation the question belongs to, and {@code rewrittenQuestion}
 * the standalone question a follow-up was rewritten into before retrieval (null for a first question).
 */
public record Answer(String answer, List<Citation> citations, String mode, long latencyMs, @Nullable Usage usage,
		@Nullable String conversationId, @Nullable String rewrittenQuestion) {

	/** The answer given when the documents hold nothing good enough; the model is told to refuse with it too. */
	public static final String NO_ANSWER = "No answer found in these documents.";

	/** An answer outside any conversation, without a model. */
	public Answer(String answer, List<Citation> citations, String mode, long latencyMs) {
		this(answer, citations, mode, latencyMs, null, null, null);
	}

	/** The same answer in the given conversation. */
	public Answer inConversation(String id) {
		return new Answer(answer, citations, mode, latencyMs, usage, id, rewrittenQuestion);
	}

	/** Tokens a language model read ({@code prompt}) and wrote ({@code completion}) for an answer. */
	public record Usage(int prompt, int completion, int total) {

		public static final Usage NONE = new Usage(0, 0, 0);

		public Usage plus(Usage other) {
			return new Usage(prompt + other.prompt, completion + other.completion, total + other.total);
		}

	}

}
