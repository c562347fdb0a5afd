package dev.eaw.docqa;

/**
 * Answering a question from a collection's documents. Without a language model the answer is extractive: the best
 * supporting sentences of the best chunks, quoted in document order, each followed by its citation number, or
 * {@link Answer#NO_ANSWER} when no sentence scores high enough. Nothing is ever generated.
 */
public interface QuestionAnswering {

	default Answer ask(String collection, String question) {
		return ask(collection, question, AnswerListener.NONE);
	}

	/** The same answer, told to the listener as it is made (retrieved chunks, then the text piece by piece). */
	Answer ask(String collection, String question, AnswerListener listener);

}
