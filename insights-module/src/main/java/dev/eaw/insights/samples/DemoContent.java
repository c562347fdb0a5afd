package dev.eaw.insights.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.insights.CsvLayout;
import dev.eaw.insights.Datasets;
import dev.eaw.insights.LoadProgress;
import dev.eaw.insights.Queries;
import dev.eaw.insights.Workbench;

/**
 * Creates the demo once, on the first start: the {@code reviews}, {@code sales} and {@code churn} datasets (loaded
 * through the same path as an upload) and the demo dashboard's saved queries. Deleting them later is respected:
 * markers in {@code insights.app_state} say what was made. {@code demo.created} covers the first demo (reviews,
 * sales, dashboard); a sample added later has its own marker ({@code demo.churn.created}), so an installation made
 * before it gets it once on its next start, unless a dataset of that name already exists. Optionally warms the AI
 * cache for the reviews afterwards, so the first sentiment query of the demo is fast.
 */
public final class DemoContent {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	private static final String MARKER = "demo.created";

	private static final String CHURN_MARKER = "demo.churn.created";

	static final String SENTIMENT_BY_PRODUCT = """
			SELECT product, AVG(SNOWFLAKE.CORTEX.SENTIMENT(review)) AS sentiment, COUNT(*) AS reviews
			FROM reviews
			GROUP BY product
			ORDER BY sentiment""";

	static final String SENTIMENT_OVER_TIME = """
			SELECT FLOOR(review_date TO QUARTER) AS quarter, product, AVG(SNOWFLAKE.CORTEX.SENTIMENT(review)) AS sentiment
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

	/**
	 * Creates the demo unless it was created before, and each later sample unless it was loaded before; true when
	 * the demo itself (with the reviews to warm up) was created now.
	 */
	public synchronized boolean createOnce() throws IOException {
		boolean created = !marked(MARKER);
		if (created) {
			createDemo();
		}
		if (!marked(CHURN_MARKER)) {
			if (datasets.find("churn").isEmpty()) {
				load("churn", "Telecom customer churn (generated demo data, seed " + ChurnSample.SEED + ")",
						ChurnSample.LAYOUT, ChurnSample::write);
				log.info("Created the demo dataset 'churn'");
			}
			mark(CHURN_MARKER);
		}
		return created;
	}

	private void createDemo() throws IOException {
		if (datasets.find("reviews").isEmpty()) {
			load("reviews", "Product reviews (generated demo data, seed 42)", null, ReviewsSample::write);
		}
		if (datasets.find("sales").isEmpty()) {
			load("sales", "Daily store sales 2023-2025 (generated demo data, seed 7)", null, SalesSample::write);
		}
		workbench.save("Review sentiment by product", SENTIMENT_BY_PRODUCT, "bar", "product", List.of("sentiment"), true, "system");
		workbench.save("Review sentiment over time", SENTIMENT_OVER_TIME, "line", "quarter", List.of("sentiment"), true, "system");
		workbench.save("Sales forecast, north store", FORECAST, "line", "ts", List.of(), true, "system");
		workbench.save("Sales anomalies, north store", ANOMALIES, "line", "ts", List.of(), true, "system");
		mark(MARKER);
		log.info("Created the demo datasets 'reviews' and 'sales' and the demo dashboard");
	}

	private boolean marked(String key) {
		return jdbc.sql("SELECT count(*) FROM insights.app_state WHERE key = ?").param(key).query(Integer.class).single() > 0;
	}

	private void mark(String key) {
		jdbc.sql("INSERT INTO insights.app_state (key, value) VALUES (?, 'yes')").param(key).update();
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

	private void load(String name, String description, @Nullable CsvLayout layout, Sample sample) throws IOException {
		Path file = Files.createTempFile("eaw-" + name, ".csv");
		try {
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				sample.write(out);
			}
			datasets.load(name, file, layout, description, "system", LoadProgress.NONE);
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
