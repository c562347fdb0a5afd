package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An experiment's runs table over real HTTP: child runs right after their parent (as MLflow's UI nests them,
 * mlflow/mlflow mlflow/server/js/src/experiment-tracking/components/experiment-page/utils/experimentPage.row-utils.ts),
 * metric columns before param columns with a default choice that fits a screen, an order_by from the column headers,
 * and a filter example that finds runs; the training job page sends a finished job to its run.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentPageTests {

	private static final String API = "/api/2.0/mlflow";

	@LocalServerPort
	int port;

	private Http api;

	private Http browser;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private String experimentId;

	private String alpha;

	private String beta;

	private String child;

	@BeforeAll
	void data() {
		api = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		experimentId = experiment("table-" + suffix);
		alpha = run(experimentId, "alpha-" + suffix, null, "{\"key\": \"accuracy\", \"value\": 0.91, \"timestamp\": 1, "
				+ "\"step\": 0}", "{\"key\": \"algorithm\", \"value\": \"logistic\"}");
		beta = run(experimentId, "beta-" + suffix, null, "{\"key\": \"accuracy\", \"value\": 0.8, \"timestamp\": 1, "
				+ "\"step\": 0}", "{\"key\": \"algorithm\", \"value\": \"cart\"}");
		child = run(experimentId, "trial-" + suffix, alpha, "{\"key\": \"validation_accuracy\", \"value\": 0.7, "
				+ "\"timestamp\": 1, \"step\": 0}", "{\"key\": \"algorithm\", \"value\": \"logistic\"}");
	}

	private String experiment(String name) {
		return ok(api.postJson(API + "/experiments/create", "{\"name\": \"" + name + "\"}")).get("experiment_id")
			.asString();
	}

	private String run(String experiment, String name, String parent, String metrics, String params) {
		String tags = parent == null ? "" : ", \"tags\": [{\"key\": \"mlflow.parentRunId\", \"value\": \"" + parent + "\"}]";
		String id = ok(api.postJson(API + "/runs/create", "{\"experiment_id\": \"" + experiment + "\", \"run_name\": \""
				+ name + "\"" + tags + "}"))
			.get("run").get("info").get("run_id").asString();
		ok(api.postJson(API + "/runs/log-batch", "{\"run_id\": \"" + id + "\", \"metrics\": [" + metrics
				+ "], \"params\": [" + params + "]}"));
		return id;
	}

	@Test
	void childRunsFollowTheirParentCollapsedAndMetricColumnsComeFirst() {
		String html = page("/mlops/experiments/" + experimentId);
		int parentRow = html.indexOf("id=\"run-" + alpha + "\"");
		int childRow = html.indexOf("id=\"run-" + child + "\"");
		// the child is the newest run, first in the search; the table puts it right after its parent
		assertThat(parentRow).isPositive().isLessThan(childRow);
		assertThat(html.substring(parentRow, childRow).split("<tr", -1)).hasSize(2);
		assertThat(html).containsPattern("id=\"run-" + child + "\"[^>]*data-parent=\"" + alpha + "\"[^>]*data-depth=\"1\"")
			.containsPattern("id=\"run-" + child + "\"[^>]*hidden")
			.containsPattern("class=\"expander\" data-run=\"" + alpha + "\" aria-expanded=\"false\"")
			.doesNotContainPattern("id=\"run-" + beta + "\"[^>]*data-parent")
			.contains("/js/mlops-runs.js", "id=\"column-picker\"", "data-experiment=\"" + experimentId + "\"");
		assertThat(html.indexOf("data-col=\"metrics.accuracy\"")).isPositive()
			.isLessThan(html.indexOf("data-col=\"metrics.validation_accuracy\""))
			.isLessThan(html.indexOf("data-col=\"params.algorithm\""));
		assertThat(html.indexOf(">Metrics<")).isPositive().isLessThan(html.indexOf(">Parameters<"));
	}

	@Test
	void aParentOnAnotherPageComesToItsChildren() {
		// MLflow's UI fetches the parents of the runs it shows (shouldFetchParents in mlflow/mlflow,
		// mlflow/server/js/src/experiment-tracking/components/experiment-page/utils/experimentPage.fetch-utils.ts)
		String experiment = experiment("parents-" + suffix);
		String parent = ok(api.postJson(API + "/runs/create", "{\"experiment_id\": \"" + experiment
				+ "\", \"run_name\": \"search\", \"start_time\": 1700000000000}")).get("run").get("info").get("run_id")
			.asString();
		for (int i = 0; i < 50; i++) {
			ok(api.postJson(API + "/runs/create", "{\"experiment_id\": \"" + experiment + "\", \"run_name\": \"other-" + i
					+ "\", \"start_time\": " + (1_700_000_100_000L + i * 1000L) + "}"));
		}
		String trial = ok(api.postJson(API + "/runs/create", "{\"experiment_id\": \"" + experiment
				+ "\", \"run_name\": \"trial\", \"start_time\": 1700000900000, \"tags\": [{\"key\": \"mlflow.parentRunId\", "
				+ "\"value\": \"" + parent + "\"}]}")).get("run").get("info").get("run_id").asString();
		String first = page("/mlops/experiments/" + experiment);
		assertThat(first).contains("id=\"next-page\"")
			.containsPattern("id=\"run-" + trial + "\"[^>]*data-parent=\"" + parent + "\"");
		assertThat(first.indexOf("id=\"run-" + parent + "\"")).isPositive().isLessThan(first.indexOf("id=\"run-" + trial + "\""));
		// a filter shows what it found and nothing else
		assertThat(page("/mlops/experiments/" + experiment + "?filter=attributes.run_name+%3D+%27trial%27"))
			.contains("id=\"run-" + trial + "\"").doesNotContain("id=\"run-" + parent + "\"");
	}

	@Test
	void theDefaultColumnsAreFiveMetricsAndThreeParamsWithTheDifferingParamsFirst() {
		String experiment = experiment("columns-" + suffix);
		StringBuilder metrics = new StringBuilder();
		StringBuilder params = new StringBuilder();
		for (int i = 1; i <= 9; i++) {
			metrics.append(i == 1 ? "" : ", ").append("{\"key\": \"m").append(i).append("\", \"value\": ").append(i)
				.append(", \"timestamp\": 1, \"step\": 0}");
		}
		for (int i = 1; i <= 7; i++) {
			params.append(i == 1 ? "" : ", ").append("{\"key\": \"p").append(i).append("\", \"value\": \"same\"}");
		}
		run(experiment, "one", null, metrics.toString(), params.toString());
		run(experiment, "two", null, metrics.toString(), params.toString().replace("\"p7\", \"value\": \"same\"",
				"\"p7\", \"value\": \"other\""));
		String html = page("/mlops/experiments/" + experiment);
		assertThat(shownHeaders(html, "metrics")).isEqualTo("m1 m2 m3 m4 m5");
		assertThat(shownHeaders(html, "params")).isEqualTo("p1 p2 p7");
		assertThat(html).contains("value=\"metrics.m9\"", "value=\"params.p6\"", "id=\"columns-shown\">8<");
		// values rounded as MLflow's runs table rounds them (Utils.formatMetric in mlflow/mlflow,
		// mlflow/server/js/src/common/utils/Utils.js), the full value in the cell's title
		assertThat(MlopsFormat.tableNumber(0.590698)).isEqualTo("0.591");
		assertThat(MlopsFormat.tableNumber(12.3456)).isEqualTo("12.35");
		assertThat(MlopsFormat.tableNumber(1234.56)).isEqualTo("1234.6");
		assertThat(MlopsFormat.tableNumber(0.0001)).isEqualTo("0");
		assertThat(html).containsPattern("<th[^>]* colspan=\"5\"[^>]* data-group=\"metrics\"[^>]*>Metrics</th>");
	}

	/** The keys of the column headers of a kind that show by default, in order. */
	private static String shownHeaders(String html, String kind) {
		Matcher header = Pattern.compile("<th[^>]*data-col=\"" + kind + "\\.([^\"]+)\"[^>]*>").matcher(html);
		StringBuilder keys = new StringBuilder();
		while (header.find()) {
			if (!header.group().contains("hidden")) {
				keys.append(keys.isEmpty() ? "" : " ").append(header.group(1));
			}
		}
		return keys.toString();
	}

	@Test
	void aHeaderOrdersTheRunsThroughTheRunSearch() {
		String base = "/mlops/experiments/" + experimentId;
		assertThat(page(base)).containsPattern("aria-sort=\"descending\"\\s+data-sort=\"attributes.start_time\"");
		String ascending = page(base + "?order=metrics.accuracy+ASC");
		assertThat(ascending.indexOf("id=\"run-" + beta + "\"")).isPositive()
			.isLessThan(ascending.indexOf("id=\"run-" + alpha + "\""));
		assertThat(ascending).containsPattern("aria-sort=\"ascending\"\\s+data-sort=\"metrics.accuracy\"")
			.contains("name=\"order\" value=\"metrics.accuracy ASC\"", "order=metrics.accuracy%20DESC");
		String descending = page(base + "?order=metrics.accuracy+DESC");
		assertThat(descending.indexOf("id=\"run-" + alpha + "\"")).isPositive()
			.isLessThan(descending.indexOf("id=\"run-" + beta + "\""));
		assertThat(descending.indexOf("id=\"run-" + alpha + "\"")).isLessThan(descending.indexOf("id=\"run-" + child));
		HttpResponse<String> bad = browser.page(base + "?order=metrics.accuracy+SIDEWAYS");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"filter-error\"");
	}

	@Test
	void theFilterExampleIsMadeFromTheRunsAndFindsThem() {
		String html = page("/mlops/experiments/" + experimentId);
		Matcher placeholder = Pattern.compile("id=\"runs-filter\"[^>]*placeholder=\"([^\"]*)\"").matcher(html);
		assertThat(placeholder.find()).isTrue();
		String example = HtmlUtils.htmlUnescape(placeholder.group(1));
		assertThat(example).isEqualTo("metrics.accuracy > 0.9 AND params.algorithm = 'logistic'");
		JsonNode found = ok(api.postJson(API + "/runs/search", "{\"experiment_ids\": [\"" + experimentId
				+ "\"], \"filter\": \"" + example.replace("'", "\\u0027") + "\"}"));
		assertThat(found.path("runs").size()).isEqualTo(1);
		String filtered = page("/mlops/experiments/" + experimentId + "?filter="
				+ java.net.URLEncoder.encode(example, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(filtered).contains("id=\"run-" + alpha + "\"").doesNotContain("id=\"filter-error\"", "id=\"run-" + beta);

		String empty = experiment("empty-" + suffix);
		assertThat(page("/mlops/experiments/" + empty)).contains("placeholder=\"metrics.accuracy &gt; 0.8 AND "
				+ "params.algorithm = &#39;cart&#39;\"");
		assertThat(FilterExample.above(0.8)).isEqualTo(">= 0.8");
		assertThat(FilterExample.above(0.91)).isEqualTo("> 0.9");
		assertThat(FilterExample.above(-0.25)).isEqualTo("> -0.3");
		assertThat(FilterExample.key("val loss")).isEqualTo("`val loss`");
	}

	@Test
	void aFinishedJobsPageGoesToItsRunAndAFailedOneShowsWhyAndLinksIt() {
		String finished = submit(Map.of("dataset", "churn", "target", "churned", "algorithm", "cart",
				"experiment", "job-page-" + suffix));
		JsonNode job = TrainingFixtures.await(api, "/api/mlops/training-runs/" + finished);
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("FINISHED");
		HttpResponse<String> followed = browser.page("/mlops/training/" + finished + "?follow");
		assertThat(followed.statusCode()).isEqualTo(302);
		assertThat(followed.headers().firstValue("Location").orElseThrow())
			.endsWith("/mlops/runs/" + job.path("runId").asString());
		assertThat(page("/mlops/training/" + finished)).contains("id=\"job-opening\"", "/js/mlops-train.js",
				"href=\"/mlops/runs/" + job.path("runId").asString() + "\"");

		TrainingFixtures.load(api, "pages_no_target_" + suffix, "a,b,label\n1,2,\n3,4,\n5,6,\n");
		String failed = submit(Map.of("dataset", "pages_no_target_" + suffix, "target", "label", "algorithm",
				"logistic-regression", "experiment", "job-page-" + suffix));
		JsonNode failure = TrainingFixtures.await(api, "/api/mlops/training-runs/" + failed);
		assertThat(failure.path("state").asString()).isEqualTo("FAILED");
		String page = page("/mlops/training/" + failed + "?follow");
		assertThat(page).contains("usable target", "href=\"/mlops/runs/" + failure.path("runId").asString() + "\"")
			.doesNotContainPattern("id=\"job-error\"[^>]*hidden");
	}

	/** Posts the training form; answers the job id from the job page it redirects to. */
	private String submit(Map<String, String> fields) {
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", browser.csrfFrom("/mlops/train"));
		HttpResponse<String> submitted = browser.form("/mlops/train", form);
		assertThat(submitted.statusCode()).isEqualTo(302);
		String location = submitted.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/mlops/training/").endsWith("?follow");
		return location.substring(location.indexOf("/mlops/training/") + 16, location.indexOf('?'));
	}

	private String page(String path) {
		HttpResponse<String> response = browser.page(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

}
