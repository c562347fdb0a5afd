package dev.eaw.mlops;

import java.util.List;
import java.util.Map;

/**
 * A small search over hyperparameters: {@code grid} tries every combination of the listed values, {@code random}
 * draws {@code trials} combinations (with the run's seed). Each candidate is a child run scored on a validation split
 * of the training data; the best is retrained on all of it and tested once.
 */
public record HyperparameterSearch(String strategy, int trials, Map<String, List<String>> space) {

	/** The most candidates one search may train. */
	public static final int MAX_CANDIDATES = 50;

}
