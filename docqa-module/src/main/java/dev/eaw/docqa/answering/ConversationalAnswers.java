package dev.eaw.docqa.answering;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.Answer;
import dev.eaw.docqa.AnswerListener;
import dev.eaw.docqa.AskOptions;
import dev.eaw.docqa.QuestionAnswering;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.docqa.jdbc.ConversationRows;
import dev.eaw.docqa.jdbc.ConversationRows.Turn;
import dev.eaw.kernel.InvalidInput;

/**
 * The module's answers: by the language model when one is configured, extractive otherwise; either way in a
 * conversation (started when the question has none) whose last turns are kept in PostgreSQL.
 */
public final class ConversationalAnswers implements QuestionAnswering {

	private final CollectionRows collections;

	private final ConversationRows conversations;

	private final ExtractiveAnswers extractive;

	private final @Nullable LlmAnswers llm;

	public ConversationalAnswers(CollectionRows collections, ConversationRows conversations,
			ExtractiveAnswers extractive, @Nullable LlmAnswers llm) {
		this.collections = collections;
		this.conversations = conversations;
		this.extractive = extractive;
		this.llm = llm;
	}

	@Override
	public Answer ask(String collection, String question, @Nullable String conversationId, AskOptions options,
			AnswerListener listener) {
		long collectionId = collections.require(collection).id();
		ExtractiveAnswers.check(question);
		String id = conversation(conversationId);
		conversations.open(id, collectionId);
		Answer answer;
		if (llm == null) {
			answer = extractive.ask(collection, question, null, options, listener);
		}
		else {
			List<Turn> history = conversations.last(id, collectionId, LlmAnswers.HISTORY);
			answer = llm.ask(collectionId, question, history, options, listener);
		}
		conversations.add(id, answer.rewrittenQuestion() == null ? question : answer.rewrittenQuestion(),
				answer.answer());
		return answer.inConversation(id, collection, question);
	}

	/** The conversation's id: the one sent (any text up to 100 characters, e.g. a UUID), or a new UUID. */
	private static String conversation(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return UUID.randomUUID().toString();
		}
		if (id.length() > 100) {
			throw new InvalidInput("A conversationId has at most 100 characters.");
		}
		return id;
	}

}
