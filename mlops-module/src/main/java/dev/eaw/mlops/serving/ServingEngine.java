package dev.eaw.mlops.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.DriftReport;
import dev.eaw.mlops.ModelAliasDeleted;
import dev.eaw.mlops.ModelAliasSet;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelServing;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.ModelVersionDeleted;
import dev.eaw.mlops.ModelVersionRegistered;
import dev.eaw.mlops.Predictions;
import dev.eaw.mlops.RegisteredModelRemoved;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.ServedSignature;
import dev.eaw.mlops.ServingStats;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.TrafficRoute;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link ModelServing} with no database work on the request path once warm: version and alias resolutions are cached
 * and kept current by the registry's events (a moved alias has its new version loaded <em>before</em> the switch, so no
 * request waits or fails), loaded versions are cached (at most {@code cacheSize}; an evicted one is closed after a
 * grace period so requests still using it finish), traffic splits are cached per model, and the prediction log is
 * written by a background thread.
 */
public final class ServingEngine implements ModelServing, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ServingEngine.class);

	private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

	/** A cached "no such alias", so that routing without a champion does not ask the database every time. */
	private static final String NONE = "";

	private static final String CHAMPION = "champion";

	private static final String LATEST = "latest";

	private static final long GRACE_SECONDS = 30;

	private final ModelRegistry registry;

	private final ModelLoader loader;

	private final MeterRegistry meterRegistry;

	private final PredictionLog predictionLog;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final int cacheSize;

	private final int driftRows;

	private final Map<String, String> resolutions = new ConcurrentHashMap<>();

	private final Map<String, Slot> loaded = new ConcurrentHashMap<>();

	private final Map<String, List<TrafficRoute>> splits = new ConcurrentHashMap<>();

	private final Map<String, VersionMeters> meters = new ConcurrentHashMap<>();

	private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "serving-closer");
		thread.setDaemon(true);
		return thread;
	});

	/** A cache entry of a loaded version, loaded once by whoever asks first. */
	private static final class Slot {

		volatile @Nullable ServedVersion value;

		volatile long used = System.nanoTime();

	}

	public ServingEngine(ModelRegistry registry, RunTracking runs, ArtifactStore artifacts, MeterRegistry meterRegistry,
			JdbcTemplate jdbc, TransactionTemplate transactions, Settings settings) {
		this.registry = registry;
		this.loader = new ModelLoader(registry, runs, artifacts);
		this.meterRegistry = meterRegistry;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cacheSize = Math.max(1, settings.cacheSize());
		this.driftRows = Math.max(1, settings.driftRows());
		this.predictionLog = new PredictionLog(jdbc, meterRegistry, settings.logRowsPerMinute(), settings.logRate(),
				settings.logQueue());
	}

	/** How serving is tuned (from the module's settings). */
	public record Settings(int cacheSize, int logRowsPerMinute, double logRate, int logQueue, int driftRows) {
	}

	@Override
	public Predictions predict(String model, String versionOrAlias, List<Map<String, Object>> rows,
			@Nullable String requestKey) {
		long start = System.nanoTime();
		String version = resolve(model, versionOrAlias);
		ServedVersion served = loaded(model, version);
		VersionMeters versionMeters = meters(model, version);
		List<@Nullable Object[]> values;
		List<Object> predictions;
		try {
			values = InputRows.validate(served.signature(), rows);
			predictions = served.predictions(served.outputs(values));
		}
		catch (RuntimeException ex) {
			versionMeters.failure();
			throw ex;
		}
		versionMeters.success(System.nanoTime() - start, rows.size());
		predictionLog.offer(served, values, predictions);
		return new Predictions(model, version, predictions);
	}

	@Override
	public Predictions route(String model, List<Map<String, Object>> rows, @Nullable String requestKey) {
		List<TrafficRoute> split = split(model);
		String target;
		if (!split.isEmpty()) {
			int bucket = requestKey == null ? ThreadLocalRandom.current().nextInt(100) : bucket(requestKey);
			target = pick(split, bucket);
		}
		else {
			target = resolveOrNone(model, CHAMPION) != null ? CHAMPION : LATEST;
		}
		return predict(model, target, rows, requestKey);
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

	@Override
	public String resolve(String model, String versionOrAlias) {
		String version = resolveOrNone(model, versionOrAlias);
		if (version == null) {
			throw new NotFound("Model '" + model + "' has no version or alias '" + versionOrAlias + "'.");
		}
		return version;
	}

	/** The version a token names, or null for an alias the (existing) model does not have; cached both ways. */
	private @Nullable String resolveOrNone(String model, String token) {
		String key = key(model, token);
		String cached = resolutions.get(key);
		if (cached == null) {
			String found = lookup(model, token);
			cached = resolutions.putIfAbsent(key, found);
			if (cached == null) {
				cached = found;
			}
		}
		return cached.isEmpty() ? null : cached;
	}

	private String lookup(String model, String token) {
		try {
			if (NUMBER.matcher(token).matches()) {
				return registry.getVersion(model, token).version();
			}
			if (token.equalsIgnoreCase(LATEST)) {
				return registry.latestVersions(model, List.of())
					.stream()
					.map(ModelVersion::version)
					.max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
					.orElseThrow(() -> new NotFound("Model '" + model + "' has no versions."));
			}
			try {
				return registry.getByAlias(model, token).version();
			}
			catch (TrackingError ex) {
				if (ex.code() != TrackingError.Code.RESOURCE_DOES_NOT_EXIST) {
					throw ex;
				}
				registry.getModel(model);
				return NONE;
			}
		}
		catch (TrackingError ex) {
			if (ex.code() == TrackingError.Code.RESOURCE_DOES_NOT_EXIST) {
				throw new NotFound(ex.getMessage());
			}
			throw new InvalidInput(ex.getMessage());
		}
	}

	private static String key(String model, String token) {
		return model + '\u0000' + token;
	}

	/** The loaded version, loading it on first use and evicting the least recently used beyond the cache size. */
	ServedVersion loaded(String model, String version) {
		String key = key(model, version);
		Slot slot = loaded.get(key);
		if (slot == null) {
			slot = loaded.computeIfAbsent(key, k -> new Slot());
		}
		long now = System.nanoTime();
		if (now - slot.used > 1_000_000_000L) {
			// recency to the second is enough for eviction, and spares a shared write per request
			slot.used = now;
		}
		ServedVersion served = slot.value;
		if (served != null) {
			return served;
		}
		synchronized (slot) {
			served = slot.value;
			if (served != null) {
				return served;
			}
			try {
				served = loader.load(model, version);
			}
			catch (TrackingError ex) {
				loaded.remove(key, slot);
				throw ex.code() == TrackingError.Code.RESOURCE_DOES_NOT_EXIST ? new NotFound(ex.getMessage())
						: new InvalidInput(ex.getMessage());
			}
			catch (RuntimeException ex) {
				loaded.remove(key, slot);
				throw ex;
			}
			slot.value = served;
		}
		log.info("Serving version {} of model '{}' ({}, {})", version, model, served.signature().algorithm(),
				served.signature().format());
		evictBeyond(key);
		if (loaded.get(key) != slot) {
			retire(served);
		}
		return served;
	}

	private void evictBeyond(String keep) {
		while (loaded.size() > cacheSize) {
			String oldest = null;
			long oldestUse = Long.MAX_VALUE;
			for (Map.Entry<String, Slot> entry : loaded.entrySet()) {
				if (!entry.getKey().equals(keep) && entry.getValue().used < oldestUse) {
					oldest = entry.getKey();
					oldestUse = entry.getValue().used;
				}
			}
			if (oldest == null) {
				return;
			}
			evict(oldest);
		}
	}

	private void evict(String key) {
		Slot slot = loaded.remove(key);
		if (slot != null && slot.value != null) {
			retire(slot.value);
		}
	}

	/** Closes a version no longer cached once requests that may still hold it have had time to finish. */
	private void retire(ServedVersion served) {
		closer.schedule(served::close, GRACE_SECONDS, TimeUnit.SECONDS);
	}

	private VersionMeters meters(String model, String version) {
		return meters.computeIfAbsent(key(model, version), k -> new VersionMeters(meterRegistry, model, version));
	}

	@Override
	public ServedSignature signature(String model, String versionOrAlias) {
		String version = resolve(model, versionOrAlias);
		ServedVersion served = loaded(model, version);
		return new ServedSignature(model, version, served.signature(), served.example());
	}

	@Override
	public List<TrafficRoute> traffic(String model) {
		try {
			registry.getModel(model);
		}
		catch (TrackingError ex) {
			throw new NotFound(ex.getMessage());
		}
		return split(model);
	}

	private List<TrafficRoute> split(String model) {
		return splits.computeIfAbsent(model, m -> jdbc.query(
				"SELECT target, percent FROM mlops.serving_routes WHERE model = ? ORDER BY position",
				(rs, n) -> new TrafficRoute(rs.getString(1), rs.getInt(2)), m));
	}

	@Override
	public List<TrafficRoute> setTraffic(String model, List<TrafficRoute> routes) {
		traffic(model);
		if (routes.size() > 10) {
			throw new InvalidInput("A traffic split has at most 10 routes.");
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
			String version;
			try {
				version = resolve(model, route.target());
			}
			catch (NotFound ex) {
				throw new InvalidInput("Route target '" + route.target() + "' is no version or alias of '" + model + "'.");
			}
			loaded(model, version);
		}
		if (!routes.isEmpty() && sum != 100) {
			throw new InvalidInput("The routes' percents sum to " + sum + "; they must sum to 100.");
		}
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

	@Override
	public ServingStats stats(String model, String versionOrAlias) {
		String version = resolve(model, versionOrAlias);
		return meters(model, version).stats();
	}

	@Override
	public DriftReport drift(String model, String versionOrAlias) {
		String version = resolve(model, versionOrAlias);
		ServedVersion served = loaded(model, version);
		predictionLog.flush(Duration.ofSeconds(3));
		return Drift.measure(model, version, served.profile(), predictionLog.latestFeatures(model, version, driftRows));
	}

	/** Loads the alias's new version first, then points the alias at it. */
	@EventListener
	void aliasSet(ModelAliasSet event) {
		try {
			loaded(event.name(), event.version());
		}
		catch (RuntimeException ex) {
			log.warn("Version {} of '{}' (alias {}) cannot be served: {}", event.version(), event.name(), event.alias(),
					ex.getMessage());
		}
		resolutions.put(key(event.name(), event.alias()), event.version());
	}

	@EventListener
	void aliasDeleted(ModelAliasDeleted event) {
		resolutions.remove(key(event.name(), event.alias()));
	}

	@EventListener
	void versionRegistered(ModelVersionRegistered event) {
		resolutions.remove(key(event.name(), LATEST));
	}

	@EventListener
	void versionDeleted(ModelVersionDeleted event) {
		String prefix = key(event.name(), "");
		resolutions.entrySet()
			.removeIf(e -> e.getKey().startsWith(prefix)
					&& (e.getValue().equals(event.version()) || e.getKey().equals(key(event.name(), LATEST))));
		evict(key(event.name(), event.version()));
	}

	@EventListener
	void modelRemoved(RegisteredModelRemoved event) {
		String prefix = key(event.name(), "");
		resolutions.keySet().removeIf(key -> key.startsWith(prefix));
		List<String> versions = loaded.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
		versions.forEach(this::evict);
		splits.remove(event.name());
		jdbc.update("DELETE FROM mlops.serving_routes WHERE model = ?", event.name());
		jdbc.update("DELETE FROM mlops.prediction_log WHERE model = ?", event.name());
		predictionLog.forget(event.name());
	}

	@Override
	public void close() {
		predictionLog.close();
		closer.shutdownNow();
		loaded.values().forEach(slot -> {
			if (slot.value != null) {
				slot.value.close();
			}
		});
		loaded.clear();
	}

}
