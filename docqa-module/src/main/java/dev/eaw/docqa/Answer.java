package dev.eaw.docqa;

import java.util.List;

/** An answer with its numbered sources; {@code mode} is {@code extractive} (sentences quoted from the documents). */
public record Answer(String answer, List<Citation> citations, String mode, long latencyMs) {

	/** The answer given when the documents hold nothing good enough. */
	public static final String NO_ANSWER = "No answer found in these documents.";

}
