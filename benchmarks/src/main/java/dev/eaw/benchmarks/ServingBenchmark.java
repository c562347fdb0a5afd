package dev.eaw.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import dev.eaw.mlops.serving.LocalPredictor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serving}: model serving against its ceiling. Over HTTP with {@code wrk} (Debian package {@code wrk}; 32
 * connections, 2 threads, 15 s each by default): a constant JSON answer through the same security chain
 * ({@code POST /api/mlops/serving/ping}, the ceiling) beside one-row {@code /invocations} of a logistic regression;
 * then the same invocations through an alias that is moved to an unloadable version meanwhile
 * ({@link AliasMoveUnderLoad}: no request may fail); then in-process, a batch of 1,000 rows through the same predictor
 * code as the server (ONNX Runtime and Tribuo).
 * Without {@code --model name/version} it trains and registers the model through the application's own API on
 * generated data first.
 */
final class ServingBenchmark implements BenchmarkCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] PLANS = { "basic", "plus", "pro" };

	@Override
	public String name() {
		return "serving";
	}

	@Override
	public String usage() {
		return "serving --url http://localhost:8080 --user admin --password P [--model name/version] [--duration 15] [--warmup 20] "
				+ "[--connections 32] [--threads 2] [--batch 1000] [--runs 300]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		URI base = flags.appUrl();
		String auth = flags.basicAuthorization();
		int duration = Math.min(flags.integer("duration", 15), 300);
		int connections = Math.min(flags.integer("connections", 32), 512);
		int threads = Math.min(flags.integer("threads", 2), 16);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Api api = new Api(client, base, auth);
		String model = flags.get("model", "");
		if (model.isBlank()) {
			model = trainAndRegister(api);
		}
		int slash = model.lastIndexOf('/');
		if (slash < 1) {
			throw new IllegalArgumentException("--model is name/version, e.g. churn/1");
		}
		String name = model.substring(0, slash);
		String version = model.substring(slash + 1);
		String servingPath = "/api/mlops/serving/" + encode(name) + "/" + encode(version);
		Path packageDir = download(api, servingPath, name, version);

		Map<String, Object> example;
		try (LocalPredictor predictor = LocalPredictor.open(packageDir, null)) {
			example = predictor.example();
		}
		String body = JSON.writeValueAsString(Map.of("dataframe_records", List.of(example)));
		int check = api.post(servingPath + "/invocations", body).statusCode();
		if (check != 200) {
			throw new IllegalStateException("invocations answered " + check);
		}
		Path script = Files.createTempFile("eaw-serving", ".lua");
		Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
				+ "wrk.body = '" + body.replace("\\", "\\\\").replace("'", "\\'") + "'\n");
		List<Row> rows = new ArrayList<>();
		// warm both up before measuring: after a start the JIT compiler keeps a core busy for a minute or more
		int warmUp = Math.min(flags.integer("warmup", 20), 300);
		for (int round = 0; round < 2; round++) {
			Wrk.run(base.resolve("/api/mlops/serving/ping"), auth, script, warmUp / 2, connections, threads);
			Wrk.run(base.resolve(servingPath + "/invocations"), auth, script, warmUp / 2, connections, threads);
		}
		Wrk ceiling = Wrk.run(base.resolve("/api/mlops/serving/ping"), auth, script, duration, connections, threads);
		Wrk ours = Wrk.run(base.resolve(servingPath + "/invocations"), auth, script, duration, connections, threads);
		rows.add(ceiling.row("POST ping: same chain, constant JSON (ceiling)").metric("ratio", 1.0));
		rows.add(ours.row("POST invocations, 1 row, " + name + "/" + version)
			.metric("ratio", ours.requestsPerSecond() / ceiling.requestsPerSecond())
			.asDefault());
		rows.add(AliasMoveUnderLoad.measure(api, script, name, version, duration, connections, threads));

		int batch = Math.min(flags.integer("batch", 1000), 10_000);
		int runs = Math.min(flags.integer("runs", 300), 10_000);
		List<Map<String, Object>> batchRows = rows(batch, example);
		for (String format : List.of("onnx", "tribuo")) {
			try (LocalPredictor predictor = LocalPredictor.open(packageDir, format)) {
				rows.add(inProcess(predictor, format, batchRows, runs));
				rows.add(inProcess(predictor, format, batchRows.subList(0, 1), runs * 20));
			}
			catch (RuntimeException ex) {
				if (format.equals("onnx")) {
					throw ex;
				}
			}
		}
		return rows;
	}

	/** The HTTP calls the benchmark makes to set itself up. */
	record Api(HttpClient client, URI base, String auth) {

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
			return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}

		HttpResponse<String> deleteJson(String path, String json) throws IOException, InterruptedException {
			return client.send(HttpRequest.newBuilder(base.resolve(path))
				.header("Authorization", auth)
				.header("Content-Type", "application/json")
				.method("DELETE", HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
			return client.send(HttpRequest.newBuilder(base.resolve(path))
				.header("Authorization", auth)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		JsonNode ok(HttpResponse<String> response, String what) {
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}

	}

	/** Loads generated customers, trains a logistic regression through the API and registers it; answers name/1. */
	private static String trainAndRegister(Api api) throws Exception {
		String stamp = Long.toString(System.currentTimeMillis(), 36);
		String dataset = "bench_serving_" + stamp;
		String boundary = "----eawbench" + stamp;
		String csv = csv(600, 42);
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + dataset
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + dataset
				+ ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		api.ok(api.client().send(HttpRequest.newBuilder(api.base().resolve("/api/insights/datasets"))
			.header("Authorization", api.auth())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(multipart))
			.build(), HttpResponse.BodyHandlers.ofString()), "dataset upload");
		JsonNode job = api.ok(api.post("/api/mlops/training-runs", "{\"dataset\": \"" + dataset + "\", \"target\": "
				+ "\"churned\", \"algorithm\": \"logistic-regression\", \"experiment\": \"serving-benchmark\"}"), "training");
		String id = job.get("id").asString();
		long deadline = System.currentTimeMillis() + 300_000;
		String runId = null;
		while (runId == null) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("training did not finish in 5 minutes");
			}
			Thread.sleep(300);
			JsonNode state = api.ok(api.get("/api/mlops/training-runs/" + id), "training job");
			if (state.get("state").asString().equals("FAILED")) {
				throw new IllegalStateException("training failed: " + state.get("error"));
			}
			if (state.get("state").asString().equals("FINISHED")) {
				runId = state.get("runId").asString();
			}
		}
		String model = "bench-serving-" + stamp;
		api.ok(api.post("/api/2.0/mlflow/registered-models/create", "{\"name\": \"" + model + "\"}"), "registration");
		JsonNode version = api.ok(api.post("/api/2.0/mlflow/model-versions/create", "{\"name\": \"" + model
				+ "\", \"source\": \"runs:/" + runId + "/model\", \"run_id\": \"" + runId + "\"}"), "version");
		return model + "/" + version.get("model_version").get("version").asString();
	}

	/** Generated customers: tenure, usage and plan decide (with noise) whether they left or stayed. */
	static String csv(int count, long seed) {
		Random random = new Random(seed);
		StringBuilder csv = new StringBuilder("tenure,usage,plan,churned\n");
		for (int i = 0; i < count; i++) {
			int tenure = 1 + random.nextInt(72);
			double usage = Math.round((50 + 15 * random.nextGaussian()) * 100) / 100.0;
			int plan = random.nextInt(PLANS.length);
			double logit = -0.05 * (tenure - 36) + 0.06 * (usage - 50) + 0.8 * (1 - plan) + random.nextGaussian() * 0.5;
			csv.append(tenure).append(',').append(usage).append(',').append(PLANS[plan]).append(',')
				.append(logit > 0 ? "left" : "stayed").append('\n');
		}
		return csv.toString();
	}

	/** The version's model package, fetched through MLflow's artifact API into a temporary directory. */
	private static Path download(Api api, String servingPath, String name, String version) throws Exception {
		api.ok(api.get(servingPath + "/signature"), "signature");
		JsonNode modelVersion = api.ok(api.get("/api/2.0/mlflow/model-versions/get?name=" + encode(name) + "&version="
				+ encode(version)), "model version").get("model_version");
		String source = modelVersion.get("source").asString();
		String directory;
		if (source.startsWith("runs:/")) {
			String rest = source.substring("runs:/".length());
			String runId = rest.substring(0, rest.indexOf('/'));
			String uri = api.ok(api.get("/api/2.0/mlflow/runs/get?run_id=" + runId), "run")
				.get("run").get("info").get("artifact_uri").asString();
			directory = uri.substring("mlflow-artifacts:/".length()) + "/" + rest.substring(rest.indexOf('/') + 1);
		}
		else {
			directory = source.substring("mlflow-artifacts:/".length());
		}
		Path local = Files.createTempDirectory("eaw-serving-model");
		for (String file : List.of("signature.json", "feature_profile.json", "model.onnx", "model.tribuo")) {
			HttpResponse<byte[]> response = api.bytes("/api/2.0/mlflow-artifacts/artifacts/" + directory + "/" + file);
			if (response.statusCode() == 200) {
				Files.write(local.resolve(file), response.body());
			}
		}
		return local;
	}

	private static List<Map<String, Object>> rows(int count, Map<String, Object> example) {
		Random random = new Random(7);
		List<Map<String, Object>> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			example.forEach((column, value) -> row.put(column, value instanceof Number number
					? number.doubleValue() * (0.5 + random.nextDouble()) : value));
			rows.add(row);
		}
		return rows;
	}

	private static Row inProcess(LocalPredictor predictor, String format, List<Map<String, Object>> rows, int runs) {
		for (int i = 0; i < Math.max(20, runs / 5); i++) {
			predictor.predict(rows);
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			predictor.predict(rows);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		Row row = Row.of("in-process, " + rows.size() + (rows.size() == 1 ? " row, " : " rows, ") + format)
			.metric("p50_ms", nanos[runs / 2] / 1e6)
			.metric("p99_ms", nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6)
			.metric("rows_per_s", rows.size() / (nanos[runs / 2] / 1e9));
		return format.equals("onnx") && rows.size() > 1 ? row.asDefault() : row;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
