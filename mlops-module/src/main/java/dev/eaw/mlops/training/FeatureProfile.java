package dev.eaw.mlops.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.eaw.mlops.ModelSignature.Input;
import dev.eaw.mlops.TrainingTable;

/**
 * The training distribution of each input, the baseline drift is measured against ({@code model/feature_profile.json}):
 * numbers as the shares of ten bins cut at the training deciles, text as the shares of each category plus one bin for
 * anything else (missing values included).
 */
final class FeatureProfile {

	static final int BINS = 10;

	private FeatureProfile() {
	}

	static Map<String, Object> of(TrainingTable table, List<Input> inputs, List<Integer> rows) {
		List<Map<String, Object>> features = new ArrayList<>();
		for (Input input : inputs) {
			int column = table.indexOf(input.name());
			Map<String, Object> feature = new LinkedHashMap<>();
			feature.put("name", input.name());
			feature.put("type", input.type());
			if (input.numeric()) {
				double[] values = rows.stream()
					.map(row -> table.rows().get(row)[column])
					.filter(v -> v instanceof Number n && Double.isFinite(n.doubleValue()))
					.mapToDouble(v -> ((Number) v).doubleValue())
					.sorted()
					.toArray();
				double[] edges = edges(values);
				feature.put("edges", edges);
				feature.put("expected", shares(values, edges));
			}
			else {
				Map<String, Integer> index = new LinkedHashMap<>();
				input.categories().forEach(category -> index.put(category, index.size()));
				double[] counts = new double[index.size() + 1];
				for (int row : rows) {
					Object value = table.rows().get(row)[column];
					Integer bin = value == null ? null : index.get(Encoding.text(value));
					counts[bin == null ? index.size() : bin]++;
				}
				feature.put("categories", input.categories());
				feature.put("expected", normalise(counts));
			}
			features.add(feature);
		}
		return Map.of("bins", BINS, "rows", rows.size(), "features", features);
	}

	/** The inner edges at the deciles (fewer when values repeat); a value goes to the first bin whose edge exceeds it. */
	static double[] edges(double[] sorted) {
		if (sorted.length == 0) {
			return new double[0];
		}
		double[] edges = new double[BINS - 1];
		for (int i = 1; i < BINS; i++) {
			edges[i - 1] = sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * i / BINS))];
		}
		return Arrays.stream(edges).distinct().toArray();
	}

	static double[] shares(double[] values, double[] edges) {
		double[] counts = new double[edges.length + 1];
		for (double value : values) {
			counts[bin(value, edges)]++;
		}
		return normalise(counts);
	}

	static int bin(double value, double[] edges) {
		int bin = 0;
		while (bin < edges.length && value >= edges[bin]) {
			bin++;
		}
		return bin;
	}

	private static double[] normalise(double[] counts) {
		double total = Arrays.stream(counts).sum();
		return Arrays.stream(counts).map(c -> total == 0 ? 0 : c / total).toArray();
	}

}
