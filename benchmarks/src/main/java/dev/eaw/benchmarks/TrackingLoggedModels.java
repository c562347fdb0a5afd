package dev.eaw.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tracking} rows of MLflow 3's logged models, with the bodies Python's {@code mlflow} 3.x sends
 * (mlflow/store/tracking/rest_store.py): {@code --models} times {@code POST logged-models} (name, source run, one
 * param, one tag), each followed by an unmeasured {@code runs/log-batch} of its {@code accuracy} with its
 * {@code model_id}, then {@code PATCH logged-models/{id}} to {@code LOGGED_MODEL_READY} for each, then
 * {@code logged-models/search} over them with MLflow's default page of 50: filtered by metric and ordered by it.
 */
final class TrackingLoggedModels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SEARCH = "logged-models/search";

	private static final String FILTER = "metrics.accuracy > 0.5 AND params.lr = '0.1'";

	private TrackingLoggedModels() {
	}

	static List<Row> rows(TrackingBenchmark.Api api, String experiment, int models, int searchCalls) throws Exception {
		String run = api.call("runs/create", Map.of("experiment_id", experiment, "run_name", "logged-models",
				"start_time", System.currentTimeMillis())).path("run").path("info").path("run_id").asString();
		List<String> ids = new ArrayList<>(models);
		long[] created = new long[models];
		Random random = new Random(7);
		String[] rates = { "0.1", "0.01", "0.001" };
		for (int i = 0; i < models; i++) {
			byte[] body = JSON.writeValueAsBytes(Map.of("experiment_id", experiment, "name", "model-" + i,
					"source_run_id", run, "params", List.of(Map.of("key", "lr", "value", rates[i % rates.length])),
					"tags", List.of(Map.of("key", "mlflow.user", "value", "bench"))));
			TrackingBenchmark.Timed answer = api.timed(api.post("logged-models", body));
			created[i] = answer.nanos();
			String id = JSON.readTree(answer.body()).path("model").path("info").path("model_id").asString();
			ids.add(id);
			api.call("runs/log-batch", Map.of("run_id", run, "metrics", List.of(Map.of("key", "accuracy", "value",
					random.nextDouble(), "timestamp", System.currentTimeMillis(), "step", 0, "model_id", id))));
		}
		long[] finalized = new long[models];
		for (int i = 0; i < models; i++) {
			byte[] body = JSON.writeValueAsBytes(Map.of("model_id", ids.get(i), "status", "LOGGED_MODEL_READY"));
			finalized[i] = api.timed(api.patch("logged-models/" + ids.get(i), body)).nanos();
		}
		Arrays.sort(created);
		Arrays.sort(finalized);
		List<Row> rows = new ArrayList<>();
		rows.add(TrackingBenchmark.timings("logged-models: create (PENDING)", created).asDefault());
		rows.add(TrackingBenchmark.timings("logged-models/{id}: finalize READY", finalized).asDefault());
		Map<String, Object> filtered = Map.of("experiment_ids", List.of(experiment), "filter", FILTER, "order_by",
				List.of(Map.of("field_name", "metrics.accuracy", "ascending", false)));
		rows.add(TrackingBenchmark.search(api, SEARCH, "models", SEARCH + ": " + FILTER + ", order_by metrics.accuracy "
				+ "DESC", filtered, searchCalls).asDefault());
		rows.add(TrackingBenchmark.search(api, SEARCH, "models", SEARCH + ": plain",
				Map.of("experiment_ids", List.of(experiment)), searchCalls).asDefault());
		return rows;
	}

}
