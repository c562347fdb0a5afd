package dev.eaw.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code abuse}: issue 9's attacks against the running application, one after the other in one run. For each: the
 * status it answered, how long the answer took, the application's peak heap while it ran (sampled every 50 ms from
 * {@code /actuator/metrics/jvm.memory.used}, so an admin's credentials are needed) and {@code /actuator/health}
 * afterwards. The sign-in attacks come last and from their own X-Forwarded-For addresses, so the locks they cause do
 * not touch the measuring client. Loopback only; every loop is bounded.
 */
final class AbuseBenchmark implements BenchmarkCommand {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String name() {
		return "abuse";
	}

	@Override
	public String usage() {
		return "abuse --url http://localhost:8080 --user admin --password P (an ADMIN; creates abuse-* users, a collection, an experiment)";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		Target app = new Target(flags.appUrl(), flags.basicAuthorization());
		List<Row> rows = new ArrayList<>();
		for (Attack attack : Attacks.all(app)) {
			rows.add(measure(app, attack));
		}
		return rows;
	}

	private static Row measure(Target app, Attack attack) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong peak = new AtomicLong(app.heapUsed());
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				try {
					peak.accumulateAndGet(app.heapUsed(), Math::max);
					Thread.sleep(50);
				}
				catch (Exception ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		long start = System.nanoTime();
		String outcome;
		try {
			outcome = attack.run();
		}
		catch (Exception ex) {
			outcome = "client error: " + ex.getClass().getSimpleName();
		}
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		running.set(false);
		sampler.join(2000);
		long healthStart = System.nanoTime();
		int health = app.send(app.get("/actuator/health", null)).statusCode();
		long healthMs = (System.nanoTime() - healthStart) / 1_000_000;
		return Row.of(attack.name())
			.metric("answer", outcome)
			.metric("time_to_answer_ms", elapsed)
			.metric("peak_heap_mb", peak.get() / (1024 * 1024))
			.metric("health_after", (health == 200 ? "UP" : "DOWN " + health) + " in " + healthMs + " ms");
	}

	/** One attack: runs it and says what the application answered (e.g. "400", "429 after 5 × 401"). */
	record Attack(String name, Step step) {

		String run() throws Exception {
			return step.run();
		}

	}

	@FunctionalInterface
	interface Step {

		String run() throws Exception;

	}

	/** The running application: requests as the admin, or with other credentials from another address. */
	static final class Target {

		final URI base;

		final String admin;

		final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		Target(URI base, String admin) {
			this.base = base;
			this.admin = admin;
		}

		HttpRequest.Builder get(String path, String authorization) {
			return request(path, authorization).GET();
		}

		HttpRequest.Builder postJson(String path, String json) {
			return request(path, admin).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json));
		}

		HttpRequest.Builder request(String path, String authorization) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5));
			if (authorization != null) {
				builder.header("Authorization", authorization);
			}
			return builder;
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		long heapUsed() throws Exception {
			HttpResponse<String> response = send(get("/actuator/metrics/jvm.memory.used?tag=area:heap", admin)
				.timeout(Duration.ofSeconds(5)));
			if (response.statusCode() != 200) {
				return 0;
			}
			JsonNode measurements = JSON.readTree(response.body()).get("measurements");
			return measurements == null || measurements.isEmpty() ? 0 : (long) measurements.get(0).get("value").asDouble();
		}

	}

}
