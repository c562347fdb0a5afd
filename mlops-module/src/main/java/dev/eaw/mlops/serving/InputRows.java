package dev.eaw.mlops.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.ModelServing;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.ModelSignature.Input;

/**
 * Checks request rows against a signature and turns them into value arrays in input order: every input column present
 * and no other, numbers finite (numeric text is read as a number, {@code null}, NaN and infinities are refused), text
 * columns scalar or null. Rows are named 1-based in the messages.
 */
final class InputRows {

	private InputRows() {
	}

	static List<@Nullable Object[]> validate(ModelSignature signature, List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			throw new InvalidInput("The request has no rows; send at least one.");
		}
		if (rows.size() > ModelServing.MAX_ROWS) {
			throw new InvalidInput("The request has " + rows.size() + " rows; at most " + ModelServing.MAX_ROWS
					+ " are accepted in one request.");
		}
		List<Input> inputs = signature.inputs();
		List<@Nullable Object[]> values = new ArrayList<>(rows.size());
		for (int r = 0; r < rows.size(); r++) {
			Map<String, Object> row = rows.get(r);
			if (row == null) {
				throw new InvalidInput("Row " + (r + 1) + " is null; every row is an object of column values.");
			}
			Object[] out = new Object[inputs.size()];
			for (int i = 0; i < inputs.size(); i++) {
				Input input = inputs.get(i);
				if (!row.containsKey(input.name())) {
					throw new InvalidInput("Missing column '" + input.name() + "' in row " + (r + 1) + "; the model takes "
							+ names(inputs) + ".");
				}
				out[i] = value(input, row.get(input.name()), r);
			}
			if (row.size() != inputs.size()) {
				for (String column : row.keySet()) {
					if (signature.input(column) == null) {
						throw new InvalidInput("Unknown column '" + column + "' in row " + (r + 1) + "; the model takes "
								+ names(inputs) + ".");
					}
				}
			}
			values.add(out);
		}
		return values;
	}

	private static @Nullable Object value(Input input, @Nullable Object value, int row) {
		String where = "Column '" + input.name() + "' in row " + (row + 1);
		if (input.numeric()) {
			double number;
			if (value == null) {
				throw new InvalidInput(where + " is null; it needs a number.");
			}
			else if (value instanceof Number n) {
				number = n.doubleValue();
			}
			else if (value instanceof String text) {
				try {
					number = Double.parseDouble(text.trim());
				}
				catch (NumberFormatException ex) {
					throw new InvalidInput(where + " is the text '" + shorten(text) + "'; it needs a number.");
				}
			}
			else {
				throw new InvalidInput(where + " is " + kind(value) + "; it needs a number.");
			}
			if (!Double.isFinite(number)) {
				throw new InvalidInput(where + " is " + number + "; it needs a finite number.");
			}
			return number;
		}
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		throw new InvalidInput(where + " is " + kind(value) + "; it needs text.");
	}

	private static String kind(Object value) {
		return value instanceof Boolean ? "a boolean" : value instanceof Map ? "an object" : value instanceof List
				? "a list" : "a " + value.getClass().getSimpleName();
	}

	private static String shorten(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	private static String names(List<Input> inputs) {
		return inputs.stream().map(Input::name).collect(Collectors.joining(", "));
	}

}
