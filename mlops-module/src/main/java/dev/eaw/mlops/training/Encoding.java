package dev.eaw.mlops.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.ModelSignature.Input;
import dev.eaw.mlops.TrainingTable;

/**
 * How a table's columns become features, fitted on the training rows only: numbers are standardised with the training
 * mean and standard deviation (a missing number becomes the mean, 0), text becomes one-hot features
 * {@code column=value} for its most frequent {@value #MAX_CATEGORIES} values, and text columns with more distinct
 * values than that (identifiers, free text) are left out.
 */
public final class Encoding {

	static final int MAX_CATEGORIES = 100;

	private final List<Input> inputs;

	private final List<String> dropped;

	private Encoding(List<Input> inputs, List<String> dropped) {
		this.inputs = inputs;
		this.dropped = dropped;
	}

	static Encoding fit(TrainingTable table, String target, List<Integer> trainRows) {
		List<Input> inputs = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		for (int c = 0; c < table.columns().size(); c++) {
			TrainingTable.Column column = table.columns().get(c);
			if (column.name().equals(target)) {
				continue;
			}
			if (column.numeric()) {
				inputs.add(numeric(column.name(), table, c, trainRows));
				continue;
			}
			Map<String, Integer> counts = new HashMap<>();
			for (int row : trainRows) {
				Object value = table.rows().get(row)[c];
				if (value != null) {
					counts.merge(text(value), 1, Integer::sum);
				}
			}
			if (counts.size() > MAX_CATEGORIES || counts.isEmpty()) {
				dropped.add(column.name());
				continue;
			}
			List<String> categories = counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.map(Map.Entry::getKey)
				.toList();
			inputs.add(new Input(column.name(), "string", null, null, categories));
		}
		if (inputs.isEmpty()) {
			throw new InvalidInput("No column besides '" + target + "' can be a feature: text columns with more than "
					+ MAX_CATEGORIES + " distinct values are left out.");
		}
		return new Encoding(List.copyOf(inputs), List.copyOf(dropped));
	}

	private static Input numeric(String name, TrainingTable table, int column, List<Integer> rows) {
		double sum = 0;
		double squares = 0;
		int n = 0;
		for (int row : rows) {
			Object value = table.rows().get(row)[column];
			if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
				sum += number.doubleValue();
				squares += number.doubleValue() * number.doubleValue();
				n++;
			}
		}
		double mean = n == 0 ? 0 : sum / n;
		double variance = n == 0 ? 0 : Math.max(0, squares / n - mean * mean);
		double std = variance > 1e-24 ? Math.sqrt(variance) : 1;
		return new Input(name, "double", mean, std, List.of());
	}

	/** How a cell of a text column reads as a category. */
	public static String text(Object value) {
		if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
			return Long.toString(d.longValue());
		}
		return value.toString();
	}

	/**
	 * Hands the features of one input value to the sink: a standardised number, or a one-hot {@code column=value}
	 * when the text is one of the known categories (an unknown one gives no feature). A null number gives the mean.
	 */
	public static void encode(Input input, @Nullable Object value, BiConsumer<String, Double> sink) {
		if (input.numeric()) {
			double x = value instanceof Number number ? number.doubleValue() : Double.NaN;
			sink.accept(input.name(), Double.isFinite(x) ? (x - input.mean()) / input.std() : 0.0);
		}
		else if (value != null) {
			String category = text(value);
			if (input.categories().contains(category)) {
				sink.accept(input.name() + "=" + category, 1.0);
			}
		}
	}

	/** Where each input is among the table's columns. */
	int[] columns(TrainingTable table) {
		return inputs.stream().mapToInt(input -> table.indexOf(input.name())).toArray();
	}

	/** The features of one table row, by name, in input order; {@code columns} from {@link #columns}. */
	Map<String, Double> features(@Nullable Object[] row, int[] columns) {
		Map<String, Double> features = new LinkedHashMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			encode(inputs.get(i), row[columns[i]], features::put);
		}
		return features;
	}

	List<Input> inputs() {
		return inputs;
	}

	List<String> dropped() {
		return dropped;
	}

}
