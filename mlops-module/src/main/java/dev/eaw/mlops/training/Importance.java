package dev.eaw.mlops.training;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;

import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * Global feature importance from Tribuo's own account of each model ({@code getTopFeatures}): absolute weights for
 * linear models (inputs are standardised, so they compare), split counts or gain for trees; summed over classes and
 * scaled to add up to 1.
 */
final class Importance {

	static final int TOP = 30;

	private Importance() {
	}

	static Map<String, Object> of(Model<?> model, String algorithm) {
		Map<String, Double> totals = new HashMap<>();
		try {
			for (List<Pair<String, Double>> ranked : model.getTopFeatures(-1).values()) {
				for (Pair<String, Double> pair : ranked) {
					if (pair.getB() != null && Double.isFinite(pair.getB()) && !pair.getA().equals("BIAS")) {
						totals.merge(pair.getA(), Math.abs(pair.getB()), Double::sum);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			return Map.of("method", "not available for " + algorithm, "features", List.of());
		}
		double sum = totals.values().stream().mapToDouble(Double::doubleValue).sum();
		List<Map<String, Object>> features = totals.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.map(e -> {
				Map<String, Object> feature = new LinkedHashMap<>();
				feature.put("name", e.getKey());
				feature.put("importance", sum == 0 ? 0 : e.getValue() / sum);
				return feature;
			})
			.toList();
		return Map.of("method", method(algorithm), "features", features);
	}

	private static String method(String algorithm) {
		return switch (algorithm) {
			case "cart", "random-forest" -> "tree split importance (Tribuo)";
			case "xgboost" -> "XGBoost gain";
			default -> "absolute weight on standardised features";
		};
	}

}
