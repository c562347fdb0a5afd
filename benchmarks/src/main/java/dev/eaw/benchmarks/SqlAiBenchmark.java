package dev.eaw.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sql-ai}: how fast AI functions run inline in SQL on the running application. Uploads a dataset of
 * {@code --rows} generated reviews (unique texts, so the first pass is really cold), then times (after one unmeasured
 * warm-up query) a plain SELECT of the same rows, {@code SNOWFLAKE.CORTEX.SENTIMENT} cold (every row computed by the model) and the same query again (every row from
 * the cache). The dataset is deleted afterwards.
 */
final class SqlAiBenchmark implements BenchmarkCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] OPENINGS = { "I really liked", "I did not enjoy", "Absolutely loved", "Pretty bad",
			"Mixed feelings about", "Excellent value in", "Disappointed by", "Happy with" };

	private static final String[] THINGS = { "the battery", "the screen", "the delivery", "the fabric", "the sound",
			"the price", "the support", "the packaging" };

	@Override
	public String name() {
		return "sql-ai";
	}

	@Override
	public String usage() {
		return "sql-ai --url http://localhost:8080 --user admin --password P [--rows 10000]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		URI base = flags.appUrl();
		int rows = Math.min(flags.integer("rows", 10_000), 100_000);
		String auth = flags.basicAuthorization();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String dataset = "bench_reviews_" + System.currentTimeMillis();
		upload(client, base, auth, dataset, csv(rows, System.nanoTime()));
		try {
			List<Row> results = new ArrayList<>();
			time(client, base, auth, "warm-up", "SELECT id, review FROM " + dataset, rows);
			results.add(time(client, base, auth, "plain SELECT (baseline)", "SELECT id, review FROM " + dataset, rows));
			// the FLOAT score, as before AI_SENTIMENT answered Snowflake's categories OBJECT
			String ai = "SELECT id, SNOWFLAKE.CORTEX.SENTIMENT(review) AS sentiment FROM " + dataset;
			results.add(time(client, base, auth, "SNOWFLAKE.CORTEX.SENTIMENT, cold", ai, rows));
			results.add(time(client, base, auth, "SNOWFLAKE.CORTEX.SENTIMENT, cached", ai, rows).asDefault());
			return results;
		}
		finally {
			client.send(request(base.resolve("/api/insights/datasets/" + dataset), auth).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

	private static Row time(HttpClient client, URI base, String auth, String name, String sql, int rows)
			throws Exception {
		HttpRequest request = request(base.resolve("/api/insights/query"), auth)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(30))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("sql", sql))))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - start) / 1e9;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
		}
		JsonNode result = JSON.readTree(response.body());
		return Row.of(name)
			.metric("rows", result.path("rowCount").asInt())
			.metric("seconds", seconds)
			.metric("rows_per_s", rows / seconds)
			.metric("ai_calls", result.path("aiCalls").asLong())
			.metric("cache_hits", result.path("aiCacheHits").asLong());
	}

	private static void upload(HttpClient client, URI base, String auth, String name, String csv) throws Exception {
		String boundary = "----bench" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reviews.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = client.send(request(base.resolve("/api/insights/datasets"), auth)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("upload failed: " + response.statusCode() + " " + response.body());
		}
	}

	private static HttpRequest.Builder request(URI uri, String auth) {
		return HttpRequest.newBuilder(uri).header("Authorization", auth);
	}

	/** Unique review texts (each carries its number and a run salt), so nothing is cached before the run. */
	static String csv(int rows, long salt) {
		Random random = new Random(salt);
		StringBuilder csv = new StringBuilder("id,review\n");
		for (int i = 0; i < rows; i++) {
			csv.append(i).append(",\"").append(OPENINGS[random.nextInt(OPENINGS.length)]).append(' ')
				.append(THINGS[random.nextInt(THINGS.length)]).append(", order ").append(salt % 100_000).append('-')
				.append(i).append(".\"\n");
		}
		return csv.toString();
	}

}
