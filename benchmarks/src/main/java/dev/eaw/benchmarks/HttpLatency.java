package dev.eaw.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code http}: latency and throughput of the running application's platform endpoints, measured from a second
 * process over loopback. The baseline is liveness (no database, no authentication): the stack's own ceiling. Then
 * the public health check (a database round trip per module) and the authenticated overview (sign-in check plus
 * the modules' counts). A bounded number of requests, to a local address only.
 */
final class HttpLatency implements BenchmarkCommand {

	@Override
	public String name() {
		return "http";
	}

	@Override
	public String usage() {
		return "http --url http://localhost:8080 --user admin --password P [--token eaw_…] [--requests 2000] [--concurrency 8]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		URI base = flags.appUrl();
		int requests = Math.min(flags.integer("requests", 2000), 100_000);
		int concurrency = Math.min(flags.integer("concurrency", 8), 256);
		String auth = flags.basicAuthorization();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String token = flags.get("token", "");
		List<Probe> probes = new ArrayList<>();
		probes.add(new Probe("liveness: no DB, no auth (ceiling)", base.resolve("/actuator/health/liveness"), null));
		probes.add(new Probe("health: DB + 3 modules", base.resolve("/actuator/health"), null));
		probes.add(new Probe("api/overview, HTTP Basic", base.resolve("/api/overview"), auth));
		if (!token.isBlank()) {
			probes.add(new Probe("api/overview, API token", base.resolve("/api/overview"), "Bearer " + token));
		}
		for (Probe probe : probes) {
			warmUp(client, probe.request(), Math.min(1000, requests));
		}
		List<Row> rows = new ArrayList<>();
		for (Probe probe : probes) {
			Row row = measure(client, probe.name(), probe.request(), requests, concurrency);
			rows.add(probe.name().contains("Basic") ? row.asDefault() : row);
		}
		return rows;
	}

	private record Probe(String name, URI uri, String authorization) {

		HttpRequest request() {
			HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
			if (authorization != null) {
				builder.header("Authorization", authorization);
			}
			return builder.build();
		}

	}

	private static void warmUp(HttpClient client, HttpRequest request, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			client.send(request, HttpResponse.BodyHandlers.discarding());
		}
	}

	private static Row measure(HttpClient client, String name, HttpRequest request, int requests, int concurrency)
			throws Exception {
		long[] nanos = new long[requests];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		long start = System.nanoTime();
		onThreads(concurrency, worker -> {
			for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
				long t0 = System.nanoTime();
				try {
					int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
					if (status != 200) {
						failures.incrementAndGet();
					}
				}
				catch (Exception ex) {
					failures.incrementAndGet();
				}
				nanos[i] = System.nanoTime() - t0;
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(nanos);
		return Row.of(name)
			.metric("requests_per_s", requests / seconds)
			.metric("p50_ms", percentile(nanos, 0.50))
			.metric("p95_ms", percentile(nanos, 0.95))
			.metric("p99_ms", percentile(nanos, 0.99))
			.metric("errors", failures.get());
	}

	/** Work of one thread of {@link #onThreads}: its number, from 0. */
	@FunctionalInterface
	interface ThreadWork {

		void run(int thread) throws Exception;

	}

	/** Runs {@code work} on {@code threads} threads at once and waits for all of them; a failure fails the call. */
	static void onThreads(int threads, ThreadWork work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				workers.add(pool.submit(() -> {
					work.run(thread);
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static double percentile(long[] sortedNanos, double q) {
		int index = (int) Math.ceil(q * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
	}

}
