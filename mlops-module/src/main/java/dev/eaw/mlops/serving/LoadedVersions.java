package dev.eaw.mlops.serving;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.TrackingError;

/**
 * The loaded versions: each loaded once by whoever asks first (others wait for it), at most {@code cacheSize} of them;
 * one that leaves the cache (evicted, deleted) is closed after a grace period, so that requests still using it finish.
 */
final class LoadedVersions implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LoadedVersions.class);

	private static final long GRACE_SECONDS = 30;

	private final ModelLoader loader;

	private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "serving-closer");
		thread.setDaemon(true);
		return thread;
	});

	private final Cache<ModelKey, ServedVersion> versions;

	LoadedVersions(ModelLoader loader, int cacheSize) {
		this.loader = loader;
		// maintenance on the caller's thread: an evicted version is retired at once, not by a pool some time later
		this.versions = Caffeine.newBuilder()
			.maximumSize(Math.max(1, cacheSize))
			.executor(Runnable::run)
			.<ModelKey, ServedVersion>removalListener((key, served, cause) -> {
				if (served != null) {
					retire(served);
				}
			})
			.build();
	}

	/** The loaded version, loading it on first use; a version that cannot be loaded is a 404 or 400 problem. */
	ServedVersion get(String model, String version) {
		return versions.get(new ModelKey(model, version), key -> load(model, version));
	}

	private ServedVersion load(String model, String version) {
		ServedVersion served;
		try {
			served = loader.load(model, version);
		}
		catch (TrackingError ex) {
			throw ex.code() == TrackingError.Code.RESOURCE_DOES_NOT_EXIST ? new NotFound(ex.getMessage())
					: new InvalidInput(ex.getMessage());
		}
		log.info("Serving version {} of model '{}' ({}, {})", version, model, served.signature().algorithm(),
				served.signature().format());
		return served;
	}

	void evict(String model, String version) {
		versions.invalidate(new ModelKey(model, version));
	}

	void evictModel(String model) {
		versions.invalidateAll(versions.asMap().keySet().stream().filter(key -> key.model().equals(model)).toList());
	}

	/** Closes a version no longer cached once requests that may still hold it have had time to finish. */
	private void retire(ServedVersion served) {
		if (!closer.isShutdown()) {
			closer.schedule(served::close, GRACE_SECONDS, TimeUnit.SECONDS);
		}
	}

	@Override
	public void close() {
		closer.shutdownNow();
		versions.asMap().values().forEach(ServedVersion::close);
		versions.asMap().clear();
	}

}
