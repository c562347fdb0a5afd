package dev.eaw.docqa;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An answer with its numbered sources. {@code mode} is {@code extractive} (sentences quoted from the documents) or
 * {@code llm} (written by the language model from numbered sources); {@code usage} is the model's token usage (null
 * when extractive), {@code conversationId} the conversation the question belongs to, and {@code rewrittenQuestion}
 * the standalone question a follow-up was rewritten into before retrieval (null for a first question). {@code intent}
 * is what was searched for (the rewritten question, or the question). {@code grounded} is false only for an answer the
 * model gave from general knowledge ({@code in_scope: false}, no source cited), which also carries a {@code notice}.
 * An answer made in an outage carries a {@code notice} saying so: extractive because the language model did not
 * answer, or {@code degraded} (BM25 alone) because the vector store was not reachable.
 * {@code all_retrieved_documents} lists every retrieved chunk when asked for ({@code include_contexts}).
 */
public record Answer(String answer, List<Citation> citations, String mode, long latencyMs, @Nullable Usage usage,
		@Nullable String conversationId, @Nullable String rewrittenQuestion, @Nullable String intent,
		boolean grounded, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String notice, boolean degraded,
		@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("all_retrieved_documents")
		@Nullable List<RetrievedDocument> allRetrievedDocuments) {

	/** The notice of an extractive answer given because the language model failed. */
	public static final String LLM_FAILED = "The language model did not answer; this is an extractive answer from the "
			+ "documents.";

	public Answer(String answer, List<Citation> citations, String mode, long latencyMs, @Nullable Usage usage,
			@Nullable String conversationId, @Nullable String rewrittenQuestion, @Nullable String intent,
			boolean grounded, @Nullable String notice, @Nullable List<RetrievedDocument> allRetrievedDocuments) {
		this(answer, citations, mode, latencyMs, usage, conversationId, rewrittenQuestion, intent, grounded, notice,
				false, allRetrievedDocuments);
	}

	public Answer(String answer, List<Citation> citations, String mode, long latencyMs, @Nullable Usage usage,
			@Nullable String conversationId, @Nullable String rewrittenQuestion) {
		this(answer, citations, mode, latencyMs, usage, conversationId, rewrittenQuestion, null, true, null, false,
				null);
	}

	/** The answer given when the documents hold nothing good enough; the model is told to refuse with it too. */
	public static final String NO_ANSWER = "No answer found in these documents.";

	/** The notice of an answer from general knowledge. */
	public static final String GENERAL_KNOWLEDGE = "This answer is not from the documents: none of them held it, "
			+ "and in_scope is false, so the model answered from general knowledge.";

	/** An answer outside any conversation, without a model. */
	public Answer(String answer, List<Citation> citations, String mode, long latencyMs) {
		this(answer, citations, mode, latencyMs, null, null, null, null, true, null, null);
	}

	/** The same answer in the given conversation, its links pointing into the collection. */
	public Answer inConversation(String id, String collection, String question) {
		return new Answer(answer, citations.stream().map(c -> c.in(collection)).toList(), mode, latencyMs, usage, id,
				rewrittenQuestion, rewrittenQuestion == null ? question : rewrittenQuestion, grounded, notice, degraded,
				allRetrievedDocuments == null ? null
						: allRetrievedDocuments.stream().map(d -> d.in(collection)).toList());
	}

	/** The same answer with the retrieved chunks listed. */
	public Answer withContexts(@Nullable List<RetrievedDocument> all) {
		return new Answer(answer, citations, mode, latencyMs, usage, conversationId, rewrittenQuestion, intent,
				grounded, notice, degraded, all);
	}

	/** The same answer with a notice added (after any it has); {@code degraded} when retrieval was BM25 alone. */
	public Answer withNotice(String added, boolean degradedRetrieval) {
		String notices = notice == null || notice.equals(added) ? added : notice + " " + added;
		return new Answer(answer, citations, mode, latencyMs, usage, conversationId, rewrittenQuestion, intent,
				grounded, notices, degraded || degradedRetrieval, allRetrievedDocuments);
	}

	/** Tokens a language model read ({@code prompt}) and wrote ({@code completion}) for an answer. */
	public record Usage(int prompt, int completion, int total) {

		public static final Usage NONE = new Usage(0, 0, 0);

		public Usage plus(Usage other) {
			return new Usage(prompt + other.prompt, completion + other.completion, total + other.total);
		}

	}

}
