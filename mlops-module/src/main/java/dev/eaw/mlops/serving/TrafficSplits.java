package dev.eaw.mlops.serving;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.TrafficRoute;

/**
 * The models' traffic splits in {@code mlops.serving_routes}, cached per model (an empty list: no split), with the
 * rules a split follows and how a request picks its route.
 */
final class TrafficSplits {

	static final int MAX_ROUTES = 10;

	private static final int MAX_MODELS = 10_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Cache<String, List<TrafficRoute>> splits = Caffeine.newBuilder().maximumSize(MAX_MODELS).build();

	TrafficSplits(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	List<TrafficRoute> get(String model) {
		return splits.get(model, m -> jdbc.query(
				"SELECT target, percent FROM mlops.serving_routes WHERE model = ? ORDER BY position",
				(rs, n) -> new TrafficRoute(rs.getString(1), rs.getInt(2)), m));
	}

	/** Replaces the model's split (already validated, its targets resolved). */
	List<TrafficRoute> put(String model, List<TrafficRoute> routes) {
		List<TrafficRoute> stored = List.copyOf(routes);
		transactions.executeWithoutResult(status -> {
			jdbc.update("DELETE FROM mlops.serving_routes WHERE model = ?", model);
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < stored.size(); i++) {
				rows.add(new Object[] { model, i, stored.get(i).target(), stored.get(i).percent() });
			}
			jdbc.batchUpdate("INSERT INTO mlops.serving_routes (model, position, target, percent) VALUES (?, ?, ?, ?)",
					rows);
		});
		splits.put(model, stored);
		return stored;
	}

	/** Forgets a removed model's split. */
	void remove(String model) {
		jdbc.update("DELETE FROM mlops.serving_routes WHERE model = ?", model);
		splits.invalidate(model);
	}

	/**
	 * A split's shape: at most {@value #MAX_ROUTES} routes, each with a target and 0 to 100 percent, summing to 100
	 * (none at all removes the split). Whether the targets exist is the caller's to check.
	 */
	static void validate(List<TrafficRoute> routes) {
		if (routes.size() > MAX_ROUTES) {
			throw new InvalidInput("A traffic split has at most " + MAX_ROUTES + " routes.");
		}
		int sum = 0;
		for (TrafficRoute route : routes) {
			if (route.target() == null || route.target().isBlank()) {
				throw new InvalidInput("Every route needs a 'target': a version number or an alias.");
			}
			if (route.percent() < 0 || route.percent() > 100) {
				throw new InvalidInput("Route '" + route.target() + "' has " + route.percent()
						+ " percent; each route has 0 to 100.");
			}
			sum += route.percent();
		}
		if (!routes.isEmpty() && sum != 100) {
			throw new InvalidInput("The routes' percents sum to " + sum + "; they must sum to 100.");
		}
	}

	/** The request key's bucket 0–99: a mixed hash, so that similar keys spread evenly. */
	static int bucket(String key) {
		int h = key.hashCode();
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return Math.floorMod(h, 100);
	}

	/** The target of the route a bucket falls in (routes take consecutive buckets in their order). */
	static String pick(List<TrafficRoute> split, int bucket) {
		int upTo = 0;
		for (TrafficRoute route : split) {
			upTo += route.percent();
			if (bucket < upTo) {
				return route.target();
			}
		}
		return split.get(split.size() - 1).target();
	}

}
