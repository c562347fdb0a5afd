package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What serving tests share: generated customer data (tenure, usage, plan → churned yes/no, or spend), loaded as a
 * dataset, trained through the training API and registered through MLflow's REST API.
 */
final class ServingFixture {

	static final String[] PLANS = { "basic", "plus", "pro" };

	private ServingFixture() {
	}

	/** One generated customer: usage shifted by {@code usageShift} for drift. */
	static Map<String, Object> customer(Random random, double usageShift) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("tenure", 1 + random.nextInt(72));
		row.put("usage", Math.round((50 + 15 * random.nextGaussian() + usageShift) * 100) / 100.0);
		row.put("plan", PLANS[random.nextInt(PLANS.length)]);
		return row;
	}

	static List<Map<String, Object>> customers(int count, long seed, double usageShift) {
		Random random = new Random(seed);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(customer(random, usageShift));
		}
		return rows;
	}

	private static double planEffect(Object plan) {
		return plan.equals("basic") ? 0.8 : plan.equals("plus") ? 0 : -0.8;
	}

	/** A CSV of customers with a churn target (left/stayed — yes/no would load as a boolean column — depending on all three columns) or a spend target. */
	static String csv(int count, long seed, boolean regression) {
		Random random = new Random(seed);
		StringBuilder csv = new StringBuilder("tenure,usage,plan," + (regression ? "spend" : "churned") + "\n");
		for (int i = 0; i < count; i++) {
			Map<String, Object> row = customer(random, 0);
			double tenure = ((Number) row.get("tenure")).doubleValue();
			double usage = (double) row.get("usage");
			String target;
			if (regression) {
				target = String.format(Locale.ROOT, "%.2f",
						20 + 0.5 * usage - 0.1 * tenure + 10 * planEffect(row.get("plan")) + 3 * random.nextGaussian());
			}
			else {
				double logit = -0.05 * (tenure - 36) + 0.06 * (usage - 50) + planEffect(row.get("plan"))
						+ random.nextGaussian() * 0.5;
				target = logit > 0 ? "left" : "stayed";
			}
			csv.append(row.get("tenure")).append(',').append(row.get("usage")).append(',').append(row.get("plan"))
				.append(',').append(target).append('\n');
		}
		return csv.toString();
	}

	static void upload(Http admin, String dataset, String csv) {
		HttpResponse<String> response = admin.upload("/api/insights/datasets", dataset + ".csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of("name", dataset));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	/** Trains through the API and waits for the job; answers the run id. */
	static String train(Http admin, String dataset, String target, String task, String algorithm) {
		HttpResponse<String> submitted = admin.postJson("/api/mlops/training-runs", "{\"dataset\": \"" + dataset
				+ "\", \"target\": \"" + target + "\", \"task\": \"" + task + "\", \"algorithm\": \"" + algorithm
				+ "\", \"experiment\": \"serving-tests\"}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
		String id = Http.json(submitted).get("id").asString();
		long deadline = System.currentTimeMillis() + 300_000;
		while (System.currentTimeMillis() < deadline) {
			JsonNode job = Http.json(admin.get("/api/mlops/training-runs/" + id));
			String state = job.get("state").asString();
			if (state.equals("FINISHED")) {
				return job.get("runId").asString();
			}
			assertThat(state).as(job.toString()).isNotEqualTo("FAILED");
			sleep(200);
		}
		throw new AssertionError("training " + algorithm + " did not finish");
	}

	/** Registers the model (when new) and a version with the source; answers the version. */
	static String register(Http admin, String model, String source, String runId) {
		admin.postJson("/api/2.0/mlflow/registered-models/create", "{\"name\": \"" + model + "\"}");
		HttpResponse<String> version = admin.postJson("/api/2.0/mlflow/model-versions/create", "{\"name\": \"" + model
				+ "\", \"source\": \"" + source + "\"" + (runId == null ? "" : ", \"run_id\": \"" + runId + "\"") + "}");
		assertThat(version.statusCode()).as(version.body()).isEqualTo(200);
		return Http.json(version).get("model_version").get("version").asString();
	}

	static String register(Http admin, String model, String runId) {
		return register(admin, model, "runs:/" + runId + "/model", runId);
	}

	static void alias(Http admin, String model, String alias, String version) {
		HttpResponse<String> response = admin.postJson("/api/2.0/mlflow/registered-models/alias", "{\"name\": \""
				+ model + "\", \"alias\": \"" + alias + "\", \"version\": \"" + version + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	static String records(List<Map<String, Object>> rows) {
		return Http.JSON.writeValueAsString(Map.of("dataframe_records", rows));
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
