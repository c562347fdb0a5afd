package dev.eaw.docqa.answering;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eaw.docqa.Answer;
import dev.eaw.docqa.AnswerListener;
import dev.eaw.docqa.AskOptions;
import dev.eaw.docqa.QuestionAnswering;
import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.docqa.jdbc.ConversationRows;
import dev.eaw.docqa.jdbc.ConversationRows.Turn;
import dev.eaw.kernel.InvalidInput;

/**
 * The module's answers: by the language model when one is configured, extractive otherwise or when the model does
 * not answer (with a notice; the model is then left alone for {@link #PAUSE}); either way in a conversation (started
 * when the question has none) whose last turns are kept in PostgreSQL.
 */
public final class ConversationalAnswers implements QuestionAnswering {

	private final CollectionRows collections;

	private final ConversationRows conversations;

	private final ExtractiveAnswers extractive;

	private final @Nullable LlmAnswers llm;

	/** How long the model is left alone after it failed: questions meanwhile get extractive answers at once. */
	static final Duration PAUSE = Duration.ofSeconds(30);

	private volatile long llmFailedAt = System.nanoTime() - PAUSE.toNanos();

	private static final Logger log = LoggerFactory.getLogger(ConversationalAnswers.class);

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
			answer = generative(collection, collectionId, question, history, options, listener);
		}
		conversations.add(id, answer.rewrittenQuestion() == null ? question : answer.rewrittenQuestion(),
				answer.answer());
		return answer.inConversation(id, collection, question);
	}

	/**
	 * The model's answer; if the model fails (after its one retry), or failed less than {@link #PAUSE} ago, the
	 * extractive answer with a notice saying so, the listener told first.
	 */
	private Answer generative(String collection, long collectionId, String question, List<Turn> history,
			AskOptions options, AnswerListener listener) {
		boolean[] retrieved = { false };
		AnswerListener once = new AnswerListener() { // the extractive answer does not retrieve a second time
			@Override
			public void retrieved(List<SearchHit> hits) {
				if (!retrieved[0]) {
					retrieved[0] = true;
					listener.retrieved(hits);
				}
			}

			@Override
			public void text(String piece) {
				listener.text(piece);
			}

			@Override
			public void token(String token) {
				listener.token(token);
			}

			@Override
			public void notice(String notice) {
				listener.notice(notice);
			}

			@Override
			public boolean streaming() {
				return listener.streaming();
			}
		};
		if (System.nanoTime() - llmFailedAt >= PAUSE.toNanos()) {
			try {
				return llm.ask(collectionId, question, history, options, once);
			}
			catch (LlmChat.Failed ex) {
				llmFailedAt = System.nanoTime();
				log.warn("The LLM did not answer; answering extractively for the next {} s: {}", PAUSE.toSeconds(),
						ex.toString());
			}
		}
		once.notice(Answer.LLM_FAILED);
		return extractive.ask(collection, question, null, options, once).withNotice(Answer.LLM_FAILED, false);
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
