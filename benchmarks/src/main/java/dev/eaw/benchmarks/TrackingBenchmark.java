package dev.eaw.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tracking}: the MLflow REST API of the running application ({@code /api/2.0/mlflow}), one client on
 * loopback. In a new experiment it times {@code runs/log-batch} with 1,000 metrics per call (one run, fresh steps per
 * call), then creates {@code --runs} runs ({@code runs/create} + one {@code log-batch} each: metrics {@code acc} and
 * {@code loss}, param {@code lr} ∈ {0.1, 0.01, 0.001}, on {@code --concurrency} threads) and times
 * {@code runs/search} over them: plain, filtered ({@code metrics.acc > 0.5 and params.lr = '0.1'}) and ordered
 * ({@code metrics.acc DESC}), {@code max_results} 1000 each. Then MLflow 3's logged models
 * ({@link TrackingLoggedModels}): {@code --models} creates, finalizes, and searches over them. The floor beside them is
 * {@code experiments/get?experiment_id=0} (one indexed row, same authentication and JSON path). Published numbers for
 * MLflow's own server are printed beside ours, quoted, not measured here. A time runs from sending a request to
 * having its whole answer; parsing the answer is not counted. The experiment is deleted afterwards (MLflow's soft
 * delete: its runs stay in the database).
 */
final class TrackingBenchmark implements BenchmarkCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FILTER = "metrics.acc > 0.5 and params.lr = '0.1'";

	private static final String[] RATES = { "0.1", "0.01", "0.001" };

	@Override
	public String name() {
		return "tracking";
	}

	@Override
	public String usage() {
		return "tracking --url http://localhost:8080 --user admin --password P [--runs 10000] [--batch-calls 20] [--search-calls 10] [--concurrency 8] [--models 1000]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		Api api = new Api(flags.appUrl(), flags.basicAuthorization());
		int runs = Math.min(flags.integer("runs", 10_000), 100_000);
		int batchCalls = Math.min(flags.integer("batch-calls", 20), 1000);
		int searchCalls = Math.min(flags.integer("search-calls", 10), 1000);
		int concurrency = Math.min(flags.integer("concurrency", 8), 64);
		int models = Math.min(flags.integer("models", 1000), 100_000);
		String experiment = api.call("experiments/create", Map.of("name", "bench_tracking_" + System.currentTimeMillis()))
			.path("experiment_id").asString();
		try {
			List<Row> rows = new ArrayList<>();
			rows.add(logBatch(api, experiment, batchCalls).asDefault());
			rows.add(createRuns(api, experiment, runs, concurrency).asDefault());
			Map<String, Object> plain = Map.of("experiment_ids", List.of(experiment), "max_results", 1000);
			rows.add(search(api, "runs/search: plain", plain, searchCalls).asDefault());
			rows.add(search(api, "runs/search: " + FILTER,
					Map.of("experiment_ids", List.of(experiment), "max_results", 1000, "filter", FILTER), searchCalls)
				.asDefault());
			rows.add(search(api, "runs/search: order_by metrics.acc DESC", Map.of("experiment_ids", List.of(experiment),
					"max_results", 1000, "order_by", List.of("metrics.acc DESC")), searchCalls).asDefault());
			rows.addAll(TrackingLoggedModels.rows(api, experiment, models, searchCalls));
			rows.add(floor(api, Math.max(batchCalls, searchCalls)));
			rows.addAll(published());
			return rows;
		}
		finally {
			api.call("experiments/delete", Map.of("experiment_id", experiment));
		}
	}

	/** One run, {@code calls} calls of 1,000 metrics each (100 keys × 10 new steps), after two unmeasured ones. */
	private static Row logBatch(Api api, String experiment, int calls) throws Exception {
		String run = api.call("runs/create", Map.of("experiment_id", experiment, "run_name", "log-batch",
				"start_time", System.currentTimeMillis())).path("run").path("info").path("run_id").asString();
		long[] nanos = new long[calls];
		for (int call = -2; call < calls; call++) {
			List<Map<String, Object>> metrics = new ArrayList<>(1000);
			long now = System.currentTimeMillis();
			for (int i = 0; i < 1000; i++) {
				int step = (call + 2) * 10 + i / 100;
				metrics.add(Map.of("key", "m" + i % 100, "value", Math.sin(step + i), "timestamp", now, "step", step));
			}
			Timed answer = api.timed(api.post("runs/log-batch", JSON.writeValueAsBytes(Map.of("run_id", run, "metrics", metrics))));
			if (call >= 0) {
				nanos[call] = answer.nanos();
			}
		}
		Arrays.sort(nanos);
		return timings("runs/log-batch, 1,000 metrics per call", nanos)
			.metric("metrics_per_s", 1000.0 * calls / (Arrays.stream(nanos).sum() / 1e9));
	}

	private static Row createRuns(Api api, String experiment, int runs, int concurrency) throws Exception {
		long start = System.nanoTime();
		HttpLatency.onThreads(concurrency, thread -> {
			for (int i = thread; i < runs; i += concurrency) {
				createRun(api, experiment, i);
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		return Row.of("create " + runs + " runs (create + log-batch, " + concurrency + " threads)")
			.metric("calls", 2 * runs)
			.metric("seconds", seconds)
			.metric("runs_per_s", runs / seconds);
	}

	private static void createRun(Api api, String experiment, int i) throws Exception {
		Random random = new Random(i);
		long now = System.currentTimeMillis();
		String run = api.call("runs/create", Map.of("experiment_id", experiment, "run_name", "run-" + i, "start_time", now))
			.path("run").path("info").path("run_id").asString();
		double acc = random.nextDouble();
		api.call("runs/log-batch", Map.of("run_id", run,
				"metrics", List.of(Map.of("key", "acc", "value", acc, "timestamp", now, "step", 0),
						Map.of("key", "loss", "value", 1 - acc + random.nextGaussian() * 0.05, "timestamp", now, "step", 0)),
				"params", List.of(Map.of("key", "lr", "value", RATES[i % RATES.length]))));
	}

	private static Row search(Api api, String name, Map<String, Object> request, int calls) throws Exception {
		return search(api, "runs/search", "runs", name, request, calls);
	}

	/** {@code calls} timed POSTs of the search at {@code path} after two warm-ups; counts the answer's {@code field}. */
	static Row search(Api api, String path, String field, String name, Map<String, Object> request, int calls)
			throws Exception {
		HttpRequest search = api.post(path, JSON.writeValueAsBytes(request));
		api.timed(search);
		api.timed(search);
		long[] nanos = new long[calls];
		int returned = 0;
		for (int call = 0; call < calls; call++) {
			Timed answer = api.timed(search);
			nanos[call] = answer.nanos();
			returned = JSON.readTree(answer.body()).path(field).size();
		}
		Arrays.sort(nanos);
		return timings(name, nanos).metric(field + "_returned", returned);
	}

	private static Row floor(Api api, int calls) throws Exception {
		HttpRequest get = api.get("experiments/get?experiment_id=0");
		api.timed(get);
		api.timed(get);
		long[] nanos = new long[calls];
		for (int call = 0; call < calls; call++) {
			nanos[call] = api.timed(get).nanos();
		}
		Arrays.sort(nanos);
		return timings("floor: experiments/get?experiment_id=0", nanos);
	}

	static Row timings(String name, long[] sortedNanos) {
		return Row.of(name)
			.metric("calls", sortedNanos.length)
			.metric("p50_ms", HttpLatency.percentile(sortedNanos, 0.50))
			.metric("p95_ms", HttpLatency.percentile(sortedNanos, 0.95));
	}

	/** MLflow's own server, as published (not measured here; other hardware, other load). */
	static List<Row> published() {
		return List.of(
				Row.of("MLflow server + PostgreSQL, log-batch of 500 metrics, 20 clients (published)")
					.metric("published_avg_ms", 1200.0)
					.metric("source", "mlflow/mlflow-go-backend benchmarks/README.md"),
				Row.of("MLflow server + PostgreSQL, runs/search, 20 clients (published)")
					.metric("published_avg_ms", 1004.0)
					.metric("source", "mlflow/mlflow-go-backend benchmarks/README.md"),
				Row.of("MLflow SQLAlchemy store + MySQL, log_batch of 1,000 metrics (published)")
					.metric("published_avg_ms", 9000.0)
					.metric("source", "github.com/mlflow/mlflow/issues/3010"));
	}

	/** An answer and the time from sending the request to having its whole body (parsing it is not timed). */
	record Timed(long nanos, byte[] body) {
	}

	/** JSON calls under {@code /api/2.0/mlflow/} with one Authorization header; a non-200 answer fails the run. */
	static final class Api {

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final URI base;

		private final String authorization;

		Api(URI base, String authorization) {
			this.base = base.resolve("/api/2.0/mlflow/");
			this.authorization = authorization;
		}

		JsonNode call(String path, Object body) throws Exception {
			return JSON.readTree(timed(post(path, JSON.writeValueAsBytes(body))).body());
		}

		HttpRequest post(String path, byte[] body) {
			return request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
		}

		HttpRequest get(String path) {
			return request(path).GET().build();
		}

		HttpRequest patch(String path, byte[] body) {
			return request(path).header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
		}

		Timed timed(HttpRequest request) throws Exception {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			long nanos = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": "
						+ response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
			}
			return new Timed(nanos, response.body());
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2)).header("Authorization",
					authorization);
		}

	}

}
