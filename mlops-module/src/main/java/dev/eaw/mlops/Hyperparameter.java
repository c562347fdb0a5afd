package dev.eaw.mlops;

import java.util.List;

/**
 * One hyperparameter of an algorithm: its name as logged in params, its kind ({@code int}, {@code double} or
 * {@code choice}), default, bounds (inclusive, for numbers) and choices.
 */
public record Hyperparameter(String name, String kind, String defaultValue, double min, double max,
		List<String> choices, String description) {

	public static Hyperparameter integer(String name, int defaultValue, int min, int max, String description) {
		return new Hyperparameter(name, "int", Integer.toString(defaultValue), min, max, List.of(), description);
	}

	public static Hyperparameter real(String name, double defaultValue, double min, double max, String description) {
		return new Hyperparameter(name, "double", Double.toString(defaultValue), min, max, List.of(), description);
	}

	public static Hyperparameter choice(String name, String defaultValue, List<String> choices, String description) {
		return new Hyperparameter(name, "choice", defaultValue, 0, 0, choices, description);
	}

}
