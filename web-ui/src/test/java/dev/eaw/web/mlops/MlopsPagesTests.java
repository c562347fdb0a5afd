package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MLOps pages over real HTTP: an experiment with runs, metrics over several steps and evaluation artifacts made
 * through MLflow's REST API, then every page read by a signed-in person, the register, alias and stage forms
 * posted, unknown names as 404 pages and a VIEWER refused every change.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlopsPagesTests {

	private static final String API = "/api/2.0/mlflow";

	private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts/";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

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
		accounts.create("pages-viewer", "viewer-secret", Role.VIEWER, "test");
		experimentId = ok(api.postJson(API + "/experiments/create", "{\"name\": \"churn-pages-" + suffix + "\"}"))
			.get("experiment_id").asString();
		alpha = run("alpha-" + suffix, "0.1", new double[] { 0.5, 0.7, 0.91 }, 0.25);
		beta = run("beta-" + suffix, "0.5", new double[] { 0.6, 0.8 }, 0.4);
		child = ok(api.postJson(API + "/runs/create", "{\"experiment_id\": \"" + experimentId + "\", \"run_name\": \"fold-"
				+ suffix + "\", \"tags\": [{\"key\": \"mlflow.parentRunId\", \"value\": \"" + alpha + "\"}]}"))
			.get("run").get("info").get("run_id").asString();
		String base = PROXY + experimentId + "/" + alpha + "/artifacts/";
		upload(base + "evaluation/confusion_matrix.json", "{\"labels\":[\"no\",\"yes\"],\"matrix\":[[50,3],[7,40]]}");
		upload(base + "evaluation/feature_importance.json", "{\"method\":\"absolute weight\",\"features\":["
				+ "{\"name\":\"tenure_months\",\"importance\":0.53},{\"name\":\"monthly_charges\",\"importance\":0.21}]}");
		upload(base + "model/MLmodel", "flavors: {}\n");
	}

	private String run(String name, String learningRate, double[] accuracy, double loss) {
		String id = ok(api.postJson(API + "/runs/create", "{\"experiment_id\": \"" + experimentId + "\", \"run_name\": \""
				+ name + "\", \"start_time\": " + (System.currentTimeMillis() - 65_000) + ", \"tags\": [{\"key\": \"team\", "
				+ "\"value\": \"crm\"}]}"))
			.get("run").get("info").get("run_id").asString();
		StringBuilder metrics = new StringBuilder();
		for (int step = 0; step < accuracy.length; step++) {
			metrics.append(step == 0 ? "" : ", ").append("{\"key\": \"accuracy\", \"value\": ").append(accuracy[step])
				.append(", \"timestamp\": ").append(System.currentTimeMillis()).append(", \"step\": ").append(step).append('}');
		}
		metrics.append(", {\"key\": \"loss\", \"value\": ").append(loss).append(", \"timestamp\": 1, \"step\": 0}");
		ok(api.postJson(API + "/runs/log-batch", "{\"run_id\": \"" + id + "\", \"metrics\": [" + metrics + "], \"params\": ["
				+ "{\"key\": \"learning_rate\", \"value\": \"" + learningRate + "\"}, {\"key\": \"model\", \"value\": "
				+ "\"logistic\"}]}"));
		ok(api.postJson(API + "/runs/update", "{\"run_id\": \"" + id + "\", \"status\": \"FINISHED\", \"end_time\": "
				+ System.currentTimeMillis() + "}"));
		return id;
	}

	private void upload(String path, String content) {
		assertThat(api.putBytes(path, content.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
	}

	@Test
	void theStartPageListsExperimentsAndLinksTheRegistryAndTraining() {
		String html = page("/mlops");
		assertThat(html).contains("id=\"nav-mlops\"", "churn-pages-" + suffix,
				"href=\"/mlops/experiments/" + experimentId + "\"", "href=\"/mlops/models\"", "href=\"/mlops/train\"",
				"Train a model", "id=\"experiment-form\"").doesNotContain("??");
	}

	@Test
	void anExperimentIsCreatedByForm() {
		HttpResponse<String> created = post("/mlops/experiments", Map.of("name", "by-form-" + suffix));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/mlops/experiments/");
		assertThat(page(location.replaceFirst("^https?://[^/]+", ""))).contains("by-form-" + suffix, "was created");
		HttpResponse<String> again = post("/mlops/experiments", Map.of("name", "by-form-" + suffix));
		assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/mlops");
		assertThat(page("/mlops")).contains("class=\"flash error\"", "by-form-" + suffix);
	}

	@Test
	void theRunsTableHasParamsAndLatestMetricsAsColumnsAndFilters() {
		String html = page("/mlops/experiments/" + experimentId);
		assertThat(html).contains("id=\"runs-table\"", "alpha-" + suffix, "beta-" + suffix, "fold-" + suffix,
				"href=\"/mlops/runs/" + alpha + "\"", ">learning_rate<", ">accuracy<", ">loss<", ">0.5<", ">0.1<",
				">0.91<", ">0.8<", ">0.25<", "value=\"" + alpha + "\"", "id=\"compare-submit\"", "Finished", "1m 5s")
			.doesNotContain("??");

		String filtered = page("/mlops/experiments/" + experimentId + "?filter=metrics.accuracy+%3E+0.9");
		assertThat(filtered).contains("alpha-" + suffix).doesNotContain("beta-" + suffix);

		HttpResponse<String> bad = browser.page("/mlops/experiments/" + experimentId + "?filter=metrics.accuracy+%3E%3E+x");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"filter-error\"").doesNotContain("alpha-" + suffix);
	}

	@Test
	void theRunsTableIsPagedByFifty() {
		String experiment = ok(api.postJson(API + "/experiments/create", "{\"name\": \"paged-" + suffix + "\"}"))
			.get("experiment_id").asString();
		for (int i = 0; i < 52; i++) {
			ok(api.postJson(API + "/runs/create", "{\"experiment_id\": \"" + experiment + "\", \"run_name\": \"paged-run-"
					+ i + "\", \"start_time\": " + (1_700_000_000_000L + i * 1000L) + "}"));
		}
		String first = page("/mlops/experiments/" + experiment);
		assertThat(first).contains(">paged-run-51<", ">paged-run-2<").doesNotContain(">paged-run-1<", "id=\"first-page\"");
		java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"").matcher(first);
		assertThat(next.find()).isTrue();
		String second = page(next.group(1).replace("&amp;", "&"));
		assertThat(second).contains(">paged-run-1<", ">paged-run-0<", "id=\"first-page\"")
			.doesNotContain(">paged-run-2<", "id=\"next-page\"");
	}

	@Test
	void theRunPageShowsEverythingTheRunLogged() {
		String html = page("/mlops/runs/" + alpha);
		assertThat(html).contains("alpha-" + suffix, "id=\"params-table\"", ">learning_rate<", ">0.1<", ">logistic<",
				"id=\"metrics-table\"", ">0.91<", ">2<", "[0,0.5]", "[1,0.7]", "[2,0.91]", "href=\"/mlops/experiments/" + experimentId
						+ "\"",
				"id=\"child-runs\"", "href=\"/mlops/runs/" + child + "\"", ">team<", ">crm<", "id=\"system-tags\"",
				"echarts.min.js")
			.doesNotContain("??");
		assertThat(html).contains("id=\"confusion-matrix\"", ">50<", ">3<", ">7<", ">40<", ">no<", ">yes<");
		assertThat(html).contains("id=\"feature-importance\"", "tenure_months", "monthly_charges");
		assertThat(html).contains("href=\"" + PROXY + experimentId + "/" + alpha + "/artifacts/evaluation/confusion_matrix.json\"",
				"href=\"" + PROXY + experimentId + "/" + alpha + "/artifacts/model/MLmodel\"", "model/");
		assertThat(html).contains("id=\"register-model\"");

		String childPage = page("/mlops/runs/" + child);
		assertThat(childPage).contains("id=\"parent-run\"", "href=\"/mlops/runs/" + alpha + "\"")
			.doesNotContain("id=\"register-model\"", "id=\"confusion-matrix\"");
	}

	@Test
	void runsAreComparedSideBySide() {
		String html = page("/mlops/compare?runs=" + alpha + "," + beta);
		assertThat(html).contains("alpha-" + suffix, "beta-" + suffix, "id=\"compare-params\"", "id=\"metric-charts\"")
			.doesNotContain("??");
		assertThat(html).containsPattern("<tr data-key=\"learning_rate\" class=\"differs\">");
		assertThat(html).containsPattern("data-key=\"model\">\\s*<th><code>model</code></th>");
		assertThat(html).containsPattern("data-key=\"accuracy\">\\s*<th><code>accuracy</code></th>\\s*"
				+ "<td class=\"num best\">0.91</td>\\s*<td class=\"num\">0.8</td>");
		assertThat(html).containsPattern("data-key=\"loss\">\\s*<th><code>loss</code></th>\\s*"
				+ "<td class=\"num best\">0.25</td>");
		assertThat(page("/mlops/compare?runs=" + alpha + "&runs=" + beta)).contains("beta-" + suffix);
	}

	@Test
	void aRunsModelIsRegisteredAndGetsAnAliasAndAStageByForm() {
		String name = "churn-model-" + suffix;
		HttpResponse<String> registered = post("/mlops/runs/" + alpha + "/register", Map.of("name", name));
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location").orElseThrow()).endsWith("/mlops/models/" + name);
		String model = page("/mlops/models/" + name);
		assertThat(model).contains("id=\"versions-table\"", "id=\"version-1\"", "runs:/" + alpha + "/model",
				"href=\"/mlops/runs/" + alpha + "\"", "has a new version 1", "id=\"alias-form\"", "id=\"serving\"")
			.doesNotContain("??");

		post("/mlops/runs/" + alpha + "/register", Map.of("name", name));
		assertThat(page("/mlops/models/" + name)).contains("id=\"version-2\"");

		HttpResponse<String> alias = post("/mlops/models/" + name + "/alias", Map.of("alias", "champion", "version", "1"));
		assertThat(alias.statusCode()).isEqualTo(302);
		assertThat(page("/mlops/models/" + name)).contains("@champion → v1", "data-alias=\"champion\"");
		assertThat(page("/mlops/models")).contains(name, "@champion → v1", "Version 2");

		post("/mlops/models/" + name + "/stage", Map.of("version", "2", "stage", "Staging", "archiveExisting", "true"));
		assertThat(page("/mlops/models/" + name)).contains("stage-staging", "is now in stage Staging");

		post("/mlops/models/" + name + "/alias/delete", Map.of("alias", "champion"));
		assertThat(page("/mlops/models/" + name)).doesNotContain("data-alias=\"champion\"");

		post("/mlops/models/" + name + "/alias", Map.of("alias", "latest", "version", "1"));
		assertThat(page("/mlops/models/" + name)).contains("class=\"flash error\"");
	}

	@Test
	void aModelIsCreatedByForm() {
		String name = "empty-model-" + suffix;
		HttpResponse<String> created = post("/mlops/models", Map.of("name", name, "description", "made by hand"));
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/mlops/models/" + name);
		assertThat(page("/mlops/models/" + name)).contains("made by hand", "was registered", "id=\"serving\"")
			.doesNotContain("id=\"alias-form\"");
	}

	@Test
	void unknownRunsExperimentsAndModelsAreNotFoundPages() {
		for (String path : new String[] { "/mlops/runs/0123456789abcdef0123456789abcdef", "/mlops/experiments/987654321",
				"/mlops/models/no-such-model-" + suffix, "/mlops/compare?runs=nope" + suffix }) {
			HttpResponse<String> response = browser.page(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("There is nothing at this address.", "id=\"nav-mlops\"");
		}
		assertThat(post("/mlops/runs/nope" + suffix + "/register", Map.of("name", "x")).statusCode()).isEqualTo(404);
	}

	@Test
	void aViewerReadsButCannotChange() {
		Http viewer = Http.signedIn(port, "pages-viewer", "viewer-secret");
		HttpResponse<String> run = viewer.page("/mlops/runs/" + alpha);
		assertThat(run.statusCode()).isEqualTo(200);
		assertThat(run.body()).contains("alpha-" + suffix).doesNotContain("id=\"register-model\"");
		assertThat(viewer.page("/mlops").body()).doesNotContain("id=\"experiment-form\"");
		String csrf = viewer.csrfFrom("/mlops");
		assertThat(viewer.form("/mlops/experiments", Map.of("name", "viewer-" + suffix, "_csrf", csrf)).statusCode())
			.isEqualTo(403);
		assertThat(viewer.form("/mlops/runs/" + alpha + "/register", Map.of("name", "viewer-" + suffix, "_csrf", csrf))
			.statusCode()).isEqualTo(403);
		assertThat(viewer.form("/mlops/models", Map.of("name", "viewer-" + suffix, "_csrf", csrf)).statusCode())
			.isEqualTo(403);
	}

	private String page(String path) {
		HttpResponse<String> response = browser.page(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> form = new java.util.HashMap<>(fields);
		form.put("_csrf", browser.csrfFrom("/mlops"));
		return browser.form(path, form);
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

}
