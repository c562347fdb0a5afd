package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A small churn-like CSV with a real dependence of the target on the features, and a way to train and wait. */
final class TrainingFixtures {

	private TrainingFixtures() {
	}

	/** {@code rows} customers: tenure, plan (text), charges, calls → churned yes/no through a logistic formula. */
	static String churnCsv(int rows, long seed) {
		Random random = new Random(seed);
		StringBuilder csv = new StringBuilder("tenure,plan,charges,calls,churned\n");
		String[] plans = { "monthly", "yearly", "biennial" };
		for (int i = 0; i < rows; i++) {
			int tenure = 1 + random.nextInt(72);
			String plan = plans[random.nextInt(3)];
			double charges = 20 + random.nextDouble() * 100;
			int calls = random.nextInt(10);
			double z = -1.0 - 0.05 * tenure + (plan.equals("monthly") ? 1.5 : 0) + 0.015 * charges + 0.3 * calls;
			boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-z));
			csv.append(String.format(Locale.ROOT, "%d,%s,%.2f,%d,%s%n", tenure, plan, charges, calls,
					churned ? "yes" : "no"));
		}
		return csv.toString();
	}

	static void load(Http http, String name, String csv) {
		HttpResponse<String> created = http.upload("/api/insights/datasets", name + ".csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of("name", name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	/** Submits a training request and polls its job until it is done (at most two minutes); answers the job. */
	static JsonNode train(Http http, String json) {
		HttpResponse<String> submitted = http.postJson("/api/mlops/training-runs", json);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
		String location = submitted.headers().firstValue("Location").orElseThrow();
		return await(http, location);
	}

	static JsonNode await(Http http, String location) {
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			JsonNode job = Http.json(http.get(location));
			String state = job.path("state").asString();
			if (state.equals("FINISHED") || state.equals("FAILED") || System.currentTimeMillis() > deadline) {
				return job;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
