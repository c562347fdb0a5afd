package dev.eaw.insights.ai;

/** Scores text from -1 (negative) to 1 (positive). */
public interface SentimentScorer {

	double score(String text);

	/** The model and its version, part of the cache key. */
	String version();

}
