package dev.eaw.mlops.serving;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.AliasMoveCheck;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.DriftReport;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelServing;
import dev.eaw.mlops.Predictions;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.ServedSignature;
import dev.eaw.mlops.ServingStats;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.TrafficRoute;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link ModelServing} with no database work on the request path once warm: version and alias resolutions
 * ({@link Resolutions}), loaded versions ({@link LoadedVersions}) and traffic splits ({@link TrafficSplits}) are cached
 * and kept current by the registry's events after commit ({@link ServingEvents}); an alias moves only once its new
 * version is loaded ({@link AliasGuard}), so no request waits or fails; the prediction log is written by a background
 * thread.
 */
public final class ServingEngine implements ModelServing, AliasMoveCheck, AutoCloseable {

	private final ModelRegistry registry;

	private final MeterRegistry meterRegistry;

	private final PredictionLog predictionLog;

	private final Resolutions resolutions;

	private final LoadedVersions loaded;

	private final TrafficSplits splits;

	private final AliasGuard guard;

	/** Propagation NOT_SUPPORTED: a load failing inside the registry's transaction would mark it rollback-only. */
	private final TransactionTemplate outsideTransaction;

	private final ServingEvents events;

	private final int driftRows;

	private final Cache<ModelKey, VersionMeters> meters = Caffeine.newBuilder().build();

	public ServingEngine(ModelRegistry registry, RunTracking runs, ArtifactStore artifacts, MeterRegistry meterRegistry,
			JdbcTemplate jdbc, TransactionTemplate transactions, Settings settings) {
		this.registry = registry;
		this.meterRegistry = meterRegistry;
		this.driftRows = Math.max(1, settings.driftRows());
		this.predictionLog = new PredictionLog(jdbc, meterRegistry, settings.logRowsPerMinute(), settings.logRate(),
				settings.logQueue());
		this.resolutions = new Resolutions(registry);
		this.loaded = new LoadedVersions(new ModelLoader(registry, runs, artifacts), settings.cacheSize());
		TransactionTemplate own = propagation(transactions, TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.splits = new TrafficSplits(jdbc, own);
		this.guard = new AliasGuard(loaded::get, this::routedWithoutChampion);
		this.outsideTransaction = propagation(transactions, TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.events = new ServingEvents(resolutions, loaded, splits, predictionLog, own);
	}

	private static TransactionTemplate propagation(TransactionTemplate transactions, int propagation) {
		TransactionTemplate template = new TransactionTemplate(transactions.getTransactionManager());
		template.setPropagationBehavior(propagation);
		return template;
	}

	/** How serving is tuned (from the module's settings). */
	public record Settings(int cacheSize, int logRowsPerMinute, double logRate, int logQueue, int driftRows) {
	}

	/** The listeners that keep serving's caches current; a bean of their own so that Spring finds them. */
	public ServingEvents events() {
		return events;
	}

	@Override
	public Predictions predict(String model, String versionOrAlias, List<Map<String, Object>> rows,
			@Nullable String requestKey) {
		long start = System.nanoTime();
		String version = resolutions.resolve(model, versionOrAlias);
		ServedVersion served = loaded.get(model, version);
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
		List<TrafficRoute> split = splits.get(model);
		String target;
		if (!split.isEmpty()) {
			int bucket = requestKey == null ? ThreadLocalRandom.current().nextInt(100)
					: TrafficSplits.bucket(requestKey);
			target = TrafficSplits.pick(split, bucket);
		}
		else {
			target = resolutions.find(model, AliasGuard.CHAMPION) != null ? AliasGuard.CHAMPION : Resolutions.LATEST;
		}
		return predict(model, target, rows, requestKey);
	}

	@Override
	public String resolve(String model, String versionOrAlias) {
		return resolutions.resolve(model, versionOrAlias);
	}

	private VersionMeters meters(String model, String version) {
		return meters.get(new ModelKey(model, version), key -> new VersionMeters(meterRegistry, model, version));
	}

	@Override
	public ServedSignature signature(String model, String versionOrAlias) {
		String version = resolve(model, versionOrAlias);
		ServedVersion served = loaded.get(model, version);
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
		return splits.get(model);
	}

	/** Checks the split's shape, then that each target names a version that loads, and only then stores it. */
	@Override
	public List<TrafficRoute> setTraffic(String model, List<TrafficRoute> routes) {
		traffic(model);
		TrafficSplits.validate(routes);
		for (TrafficRoute route : routes) {
			String version;
			try {
				version = resolve(model, route.target());
			}
			catch (NotFound ex) {
				throw new InvalidInput("Route target '" + route.target() + "' is no version or alias of '" + model + "'.");
			}
			loaded.get(model, version);
		}
		return splits.put(model, routes);
	}

	@Override
	public ServingStats stats(String model, String versionOrAlias) {
		String version = resolve(model, versionOrAlias);
		return meters(model, version).stats();
	}

	@Override
	public DriftReport drift(String model, String versionOrAlias) {
		String version = resolve(model, versionOrAlias);
		ServedVersion served = loaded.get(model, version);
		predictionLog.flush(Duration.ofSeconds(3));
		return Drift.measure(model, version, served.profile(), predictionLog.latestFeatures(model, version, driftRows));
	}

	/** Loads the alias's new version outside the registry's transaction, refusing the move if that breaks serving. */
	@Override
	public void beforeMove(String model, String alias, @Nullable String from, String to) {
		outsideTransaction.executeWithoutResult(status -> guard.beforeMove(model, alias, from, to));
	}

	private @Nullable String routedWithoutChampion(String model) {
		if (!splits.get(model).isEmpty()) {
			return null;
		}
		try {
			return resolutions.find(model, Resolutions.LATEST);
		}
		catch (NotFound ex) {
			return null;
		}
	}

	@Override
	public void close() {
		predictionLog.close();
		loaded.close();
	}

}
