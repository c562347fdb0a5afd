package dev.eaw.mlops.training;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.Algorithm;
import dev.eaw.mlops.Hyperparameter;

/** An algorithm's hyperparameters with the given values checked against their kinds and bounds, defaults for the rest. */
record Hyperparameters(Map<String, String> values) {

	static Hyperparameters of(Algorithm algorithm, Map<String, String> given) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : given.keySet()) {
			if (algorithm.hyperparameters().stream().noneMatch(h -> h.name().equals(name))) {
				throw new InvalidInput("Unknown hyperparameter '" + name + "' for " + algorithm.key() + "; it takes "
						+ String.join(", ", algorithm.hyperparameters().stream().map(Hyperparameter::name).toList())
						+ ".");
			}
		}
		for (Hyperparameter h : algorithm.hyperparameters()) {
			String value = given.getOrDefault(h.name(), h.defaultValue()).trim();
			values.put(h.name(), check(h, value));
		}
		return new Hyperparameters(Map.copyOf(values));
	}

	static String check(Hyperparameter h, String value) {
		switch (h.kind()) {
			case "choice" -> {
				if (!h.choices().contains(value)) {
					throw new InvalidInput("Hyperparameter '" + h.name() + "' must be one of " + h.choices() + ", not '"
							+ value + "'.");
				}
				return value;
			}
			case "int" -> {
				long number;
				try {
					number = Long.parseLong(value);
				}
				catch (NumberFormatException ex) {
					throw new InvalidInput("Hyperparameter '" + h.name() + "' must be a whole number, not '" + value
							+ "'.");
				}
				inBounds(h, number, value);
				return Long.toString(number);
			}
			default -> {
				double number;
				try {
					number = Double.parseDouble(value);
				}
				catch (NumberFormatException ex) {
					number = Double.NaN;
				}
				if (!Double.isFinite(number)) {
					throw new InvalidInput("Hyperparameter '" + h.name() + "' must be a number, not '" + value + "'.");
				}
				inBounds(h, number, value);
				return Double.toString(number);
			}
		}
	}

	private static void inBounds(Hyperparameter h, double number, String value) {
		if (number < h.min() || number > h.max()) {
			throw new InvalidInput("Hyperparameter '" + h.name() + "' must lie between " + format(h.min()) + " and "
					+ format(h.max()) + ", not " + value + ".");
		}
	}

	private static String format(double number) {
		return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
				: Double.toString(number);
	}

	int integer(String name) {
		return Integer.parseInt(values.get(name));
	}

	double real(String name) {
		return Double.parseDouble(values.get(name));
	}

	String text(String name) {
		return values.get(name);
	}

}
