package dev.eaw.docqa;

import java.util.List;

/**
 * Follows an answer as it is made, for streaming: first the chunks retrieved for the question, then the answer's
 * text piece by piece as it is assembled. The pieces, joined, are exactly {@link Answer#answer()}.
 */
public interface AnswerListener {

	/** Listens to nothing. */
	AnswerListener NONE = new AnswerListener() {
	};

	/** The chunks the answer is drawn from, best first, with each retriever's score and rank. */
	default void retrieved(List<SearchHit> hits) {
	}

	/** The next piece of the answer's text. */
	default void text(String piece) {
	}

	/** The next token streamed by the language model, as it came; by default a piece of text like any other. */
	default void token(String token) {
		text(token);
	}

	/**
	 * A notice about the answer: the language model failed, so the text that follows is an extractive answer that
	 * replaces any text given before.
	 */
	default void notice(String notice) {
	}

	/** Whether the answer should be streamed from the language model token by token (otherwise it comes whole). */
	default boolean streaming() {
		return false;
	}

}
