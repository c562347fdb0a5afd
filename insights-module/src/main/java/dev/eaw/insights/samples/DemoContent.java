package dev.eaw.insights.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.insights.Datasets;
import dev.eaw.insights.LoadProgress;
import dev.eaw.insights.Queries;
import dev.eaw.insights.Workbench;

/**
 * Creates the demo once, on the first start: the {@code reviews} and {@code sales} datasets (loaded through the same
 * path as an upload) and the demo dashboard's saved queries. Deleting them later is respected: a marker in
 * {@code insights.app_state} says the demo was made. Optionally warms the AI cache for the reviews afterwards, so
 * the first sentiment query of the demo is fast.
 */
public final class DemoContent {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	private static final String MARKER = "demo.created";

	static final String SENTIMENT_BY_PRODUCT = """
			SELECT product, AVG(SNOWFLAKE.CORTEX.SENTIMENT(review)) AS sentiment, COUNT(*) AS reviews
			FROM reviews
			GROUP BY product
			ORDER BY sentiment""";

	static final String SENTIMENT_OVER_TIME = """
			SELECT FLOOR(review_date TO QUARTER) AS quarter, product, AVG(AI_SENTIMENT(review)) AS sentiment
			FROM reviews
			WHERE product IN ('Trail Runner Shoes', 'Aero Blender', 'Nimbus Headphones')
			GROUP BY FLOOR(review_date TO QUARTER), product
			ORDER BY quarter, product""";

	static final String FORECAST = """
			SELECT ts, forecast, lower_bound, upper_bound
			FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 90, 'store'))
			WHERE series = 'north'
			ORDER BY ts""";

	static final String ANOMALIES = """
			SELECT ts, "value", expected, lower_bound, upper_bound, is_anomaly
			FROM TABLE(DETECT_ANOMALIES('sales', 'sale_date', 'revenue', 'store'))
			WHERE series = 'north' AND ts >= DATE '2025-01-01'
			ORDER BY ts""";

	private final Datasets datasets;

	private final Workbench workbench;

	private final Queries queries;

	private final JdbcClient jdbc;

	public DemoContent(Datasets datasets, Workbench workbench, Queries queries, JdbcClient jdbc) {
		this.datasets = datasets;
		this.workbench = workbench;
		this.queries = queries;
		this.jdbc = jdbc;
	}

	/** Creates the demo unless it was created before; true when it did. */
	public synchronized boolean createOnce() throws IOException {
		if (jdbc.sql("SELECT count(*) FROM insights.app_state WHERE key = ?").param(MARKER).query(Integer.class).single() > 0) {
			return false;
		}
		if (datasets.find("reviews").isEmpty()) {
			load("reviews", "Product reviews (generated demo data, seed 42)", ReviewsSample::write);
		}
		if (datasets.find("sales").isEmpty()) {
			load("sales", "Daily store sales 2023-2025 (generated demo data, seed 7)", SalesSample::write);
		}
		workbench.save("Review sentiment by product", SENTIMENT_BY_PRODUCT, "bar", "product", List.of("sentiment"), true, "system");
		workbench.save("Review sentiment over time", SENTIMENT_OVER_TIME, "line", "quarter", List.of("sentiment"), true, "system");
		workbench.save("Sales forecast, north store", FORECAST, "line", "ts", List.of(), true, "system");
		workbench.save("Sales anomalies, north store", ANOMALIES, "line", "ts", List.of(), true, "system");
		jdbc.sql("INSERT INTO insights.app_state (key, value) VALUES (?, 'yes')").param(MARKER).update();
		log.info("Created the demo datasets 'reviews' and 'sales' and the demo dashboard");
		return true;
	}

	/** Runs the demo's sentiment query once in the background so its results are cached. */
	public void warmUp() {
		Thread thread = new Thread(() -> {
			try {
				long start = System.nanoTime();
				queries.run(SENTIMENT_BY_PRODUCT, "system");
				log.info("Warmed the AI cache for the demo reviews in {} s", (System.nanoTime() - start) / 1_000_000_000);
			}
			catch (RuntimeException ex) {
				log.warn("Could not warm the AI cache for the demo: {}", ex.getMessage());
			}
		}, "insights-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	private void load(String name, String description, Sample sample) throws IOException {
		Path file = Files.createTempFile("eaw-" + name, ".csv");
		try {
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				sample.write(out);
			}
			datasets.load(name, file, null, description, "system", LoadProgress.NONE);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@FunctionalInterface
	private interface Sample {

		void write(Writer out) throws IOException;

	}

}
