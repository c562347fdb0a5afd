package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

/**
 * Answering a question from a collection's documents. With a language model configured ({@code eaw.llm.*}) the
 * answer is written by the model from numbered sources and cites them as {@code [n]}; a follow-up in a conversation
 * is first rewritten into a standalone question. Without one the answer is extractive: the best supporting sentences
 * of the best chunks, quoted in document order, each followed by its citation number, or {@link Answer#NO_ANSWER}
 * when no sentence scores high enough. Either way the answer is {@link Answer#NO_ANSWER} when the documents do not
 * hold it.
 */
public interface QuestionAnswering {

	default Answer ask(String collection, String question) {
		return ask(collection, question, null, AnswerListener.NONE);
	}

	/** The same answer, told to the listener as it is made (retrieved chunks, then the text piece by piece). */
	default Answer ask(String collection, String question, AnswerListener listener) {
		return ask(collection, question, null, listener);
	}

	/**
	 * The answer to a question of a conversation: {@code conversationId} null starts one, whose id the answer
	 * carries; an unknown id starts a conversation with that id.
	 */
	default Answer ask(String collection, String question, @Nullable String conversationId, AnswerListener listener) {
		return ask(collection, question, conversationId, AskOptions.DEFAULT, listener);
	}

	/** The answer with the request's options (Azure OpenAI On Your Data's parameters, see {@link AskOptions}). */
	Answer ask(String collection, String question, @Nullable String conversationId, AskOptions options,
			AnswerListener listener);

}
