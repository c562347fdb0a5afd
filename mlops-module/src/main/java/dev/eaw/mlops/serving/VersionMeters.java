package dev.eaw.mlops.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.eaw.mlops.ServingStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one served version: Micrometer's {@code eaw.serving.latency} timer (with a percentile histogram for
 * Prometheus) and request, row and error counters tagged model and version, plus what the stats endpoint shows:
 * the latencies of the last {@value #RECENT} requests and request counts for each of the last 60 minutes.
 */
final class VersionMeters {

	static final int RECENT = 2048;

	private static final int MINUTES = 60;

	private final String model;

	private final String version;

	private final Timer latency;

	private final Counter requests;

	private final Counter rows;

	private final Counter errors;

	private final long[] recent = new long[RECENT];

	private long recorded;

	private final AtomicLongArray minuteStamps = new AtomicLongArray(MINUTES);

	private final AtomicLongArray minuteCounts = new AtomicLongArray(MINUTES);

	VersionMeters(MeterRegistry registry, String model, String version) {
		this.model = model;
		this.version = version;
		this.latency = Timer.builder("eaw.serving.latency")
			.description("Time to validate and predict one serving request")
			.tags("model", model, "version", version)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(50_000))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
		this.requests = Counter.builder("eaw.serving.requests").tags("model", model, "version", version).register(registry);
		this.rows = Counter.builder("eaw.serving.rows").tags("model", model, "version", version).register(registry);
		this.errors = Counter.builder("eaw.serving.errors").tags("model", model, "version", version).register(registry);
	}

	void success(long nanos, int rowCount) {
		latency.record(nanos, TimeUnit.NANOSECONDS);
		requests.increment();
		rows.increment(rowCount);
		synchronized (recent) {
			recent[(int) (recorded++ % RECENT)] = nanos;
		}
		countMinute();
	}

	void failure() {
		requests.increment();
		errors.increment();
		countMinute();
	}

	private void countMinute() {
		long minute = System.currentTimeMillis() / 60_000;
		int slot = (int) (minute % MINUTES);
		long stamp = minuteStamps.get(slot);
		if (stamp != minute && minuteStamps.compareAndSet(slot, stamp, minute)) {
			minuteCounts.set(slot, 0);
		}
		minuteCounts.incrementAndGet(slot);
	}

	ServingStats stats() {
		long[] sorted;
		synchronized (recent) {
			sorted = Arrays.copyOf(recent, (int) Math.min(recorded, RECENT));
		}
		Arrays.sort(sorted);
		long now = System.currentTimeMillis() / 60_000;
		List<ServingStats.MinuteCount> perMinute = new ArrayList<>();
		for (long minute = now - MINUTES + 1; minute <= now; minute++) {
			int slot = (int) (minute % MINUTES);
			perMinute.add(new ServingStats.MinuteCount(minute * 60_000,
					minuteStamps.get(slot) == minute ? minuteCounts.get(slot) : 0));
		}
		return new ServingStats(model, version, (long) requests.count(), (long) errors.count(), (long) rows.count(),
				percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), perMinute);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return Math.round(sorted[Math.max(0, index)] / 1000.0) / 1000.0;
	}

}
