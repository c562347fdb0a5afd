package dev.eaw.docqa;

/**
 * Answering a question from a collection's documents. Without a language model the answer is extractive: the best
 * supporting sentences of the best chunks, quoted in document order, each followed by its citation number, or
 * {@link Answer#NO_ANSWER} when no sentence scores high enough. Nothing is ever generated.
 */
public interface QuestionAnswering {

	Answer ask(String collection, String question);

}
