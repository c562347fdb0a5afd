package dev.eaw.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The serving benchmark's row for issue 11: wrk sends one-row invocations through an alias while, a third of the way
 * in, the alias is moved to a version that cannot be loaded (its source names a run that does not exist). The move
 * must be refused (400) and no request fail; before the fix, serving switched anyway and answered 404 until the alias
 * was set again. The benchmark's alias and unloadable version are removed afterwards.
 */
final class AliasMoveUnderLoad {

	static final String SYSTEM = "alias moved to an unloadable version during load: failed requests";

	private static final String ALIAS = "bench-alias";

	private static final String MISSING_RUN = "runs:/00000000000000000000000000000000/model";

	private AliasMoveUnderLoad() {
	}

	static Row measure(ServingBenchmark.Api api, Path script, String name, String version, int seconds, int connections,
			int threads) throws Exception {
		String model = "\"name\": \"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		String unloadable = api
			.ok(api.post("/api/2.0/mlflow/model-versions/create", "{" + model + ", \"source\": \"" + MISSING_RUN + "\"}"),
					"unloadable version")
			.get("model_version")
			.get("version")
			.asString();
		try {
			api.ok(api.post("/api/2.0/mlflow/registered-models/alias",
					"{" + model + ", \"alias\": \"" + ALIAS + "\", \"version\": \"" + version + "\"}"), "alias");
			URI url = api.base()
				.resolve("/api/mlops/serving/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "/"
						+ ALIAS + "/invocations");
			CompletableFuture<Wrk> load = CompletableFuture.supplyAsync(() -> {
				try {
					return Wrk.run(url, api.auth(), script, seconds, connections, threads);
				}
				catch (Exception ex) {
					throw new CompletionException(ex);
				}
			});
			Thread.sleep(seconds * 1000L / 3);
			int moved = api.post("/api/2.0/mlflow/registered-models/alias",
					"{" + model + ", \"alias\": \"" + ALIAS + "\", \"version\": \"" + unloadable + "\"}").statusCode();
			return load.join().row(SYSTEM).metric("alias_move_status", moved);
		}
		finally {
			api.deleteJson("/api/2.0/mlflow/registered-models/alias", "{" + model + ", \"alias\": \"" + ALIAS + "\"}");
			api.deleteJson("/api/2.0/mlflow/model-versions/delete", "{" + model + ", \"version\": \"" + unloadable + "\"}");
		}
	}

}
