package dev.eaw.mlops.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.Algorithm;
import dev.eaw.mlops.Hyperparameter;
import dev.eaw.mlops.HyperparameterSearch;

/** The hyperparameter sets a search tries: every combination (grid) or seeded draws (random), each checked. */
final class Candidates {

	private Candidates() {
	}

	static List<Hyperparameters> of(Algorithm algorithm, Map<String, String> base, HyperparameterSearch search,
			long seed) {
		if (search.space().isEmpty()) {
			throw new InvalidInput("A search needs at least one hyperparameter with values to try.");
		}
		Map<String, List<String>> space = new LinkedHashMap<>();
		search.space().forEach((name, values) -> {
			Hyperparameter h = algorithm.hyperparameters()
				.stream()
				.filter(p -> p.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new InvalidInput("Unknown hyperparameter '" + name + "' for " + algorithm.key()
						+ " in the search space."));
			if (values.isEmpty()) {
				throw new InvalidInput("The search space gives no values for '" + name + "'.");
			}
			space.put(name, values.stream().map(v -> Hyperparameters.check(h, v.trim())).distinct().toList());
		});
		List<Map<String, String>> combinations = switch (search.strategy()) {
			case "grid" -> grid(base, space);
			case "random" -> random(base, space, search.trials(), seed);
			default -> throw new InvalidInput("A search strategy is 'grid' or 'random', not '" + search.strategy()
					+ "'.");
		};
		if (combinations.size() > HyperparameterSearch.MAX_CANDIDATES) {
			throw new InvalidInput("The search would train " + combinations.size() + " candidates; at most "
					+ HyperparameterSearch.MAX_CANDIDATES + " are allowed.");
		}
		return combinations.stream().map(values -> Hyperparameters.of(algorithm, values)).toList();
	}

	private static List<Map<String, String>> grid(Map<String, String> base, Map<String, List<String>> space) {
		List<Map<String, String>> combinations = new ArrayList<>();
		combinations.add(new LinkedHashMap<>(base));
		for (Map.Entry<String, List<String>> axis : space.entrySet()) {
			List<Map<String, String>> next = new ArrayList<>();
			for (Map<String, String> partial : combinations) {
				for (String value : axis.getValue()) {
					Map<String, String> combination = new LinkedHashMap<>(partial);
					combination.put(axis.getKey(), value);
					next.add(combination);
				}
			}
			combinations = next;
			if (combinations.size() > HyperparameterSearch.MAX_CANDIDATES) {
				break;
			}
		}
		return combinations;
	}

	private static List<Map<String, String>> random(Map<String, String> base, Map<String, List<String>> space,
			int trials, long seed) {
		if (trials < 1 || trials > HyperparameterSearch.MAX_CANDIDATES) {
			throw new InvalidInput("A random search takes 1 to " + HyperparameterSearch.MAX_CANDIDATES
					+ " trials, not " + trials + ".");
		}
		long possible = space.values().stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
		Random random = new Random(seed);
		Set<Map<String, String>> drawn = new LinkedHashSet<>();
		while (drawn.size() < Math.min(trials, possible)) {
			Map<String, String> combination = new LinkedHashMap<>(base);
			space.forEach((name, values) -> combination.put(name, values.get(random.nextInt(values.size()))));
			drawn.add(combination);
		}
		return new ArrayList<>(drawn);
	}

}
