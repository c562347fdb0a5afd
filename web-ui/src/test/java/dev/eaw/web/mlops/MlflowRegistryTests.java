package dev.eaw.web.mlops;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionStatus;
import org.mlflow.api.proto.ModelRegistry.RegisteredModel;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.eaw.kernel.ModuleOverview;
import dev.eaw.mlops.ModelAliasSet;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model registry as MLflow 2.17.2 speaks it: writes as raw JSON (the Java client has no registry writes), reads
 * with the real Java client and raw JSON, field names and types, stages, aliases, tags, search and error bodies.
 */
@AppTest
@RecordApplicationEvents
class MlflowRegistryTests {

	private static final String API = "/api/2.0/mlflow";

	@LocalServerPort
	int port;

	@Autowired
	List<ModuleOverview> overviews;

	@Autowired
	ModelRegistry registry;

	@Autowired
	ApplicationEvents events;

	Http http;

	MlflowClient client;

	@BeforeEach
	void clients() {
		http = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		client = new MlflowClient(new BasicMlflowHostCreds("http://localhost:" + port, "admin", AppTest.ADMIN_PASSWORD));
	}

	@Test
	void modelsAndVersionsAreRegisteredAndReadAsMlflowDoes() {
		long models = overviews.stream().filter(o -> o.key().equals("mlops")).findFirst().orElseThrow().counts().get("models");
		String name = unique("churn");
		JsonNode model = ok(http.postJson(API + "/registered-models/create", "{\"name\": \"" + name + "\", "
				+ "\"description\": \"predicts churn\", \"tags\": [{\"key\": \"team\", \"value\": \"crm\"}]}"))
			.get("registered_model");
		assertThat(model.get("name").asString()).isEqualTo(name);
		assertThat(model.get("creation_timestamp").isIntegralNumber()).isTrue();
		assertThat(model.get("last_updated_timestamp").isIntegralNumber()).isTrue();
		assertThat(model.get("user_id").asString()).isEqualTo("admin");
		assertThat(model.get("description").asString()).isEqualTo("predicts churn");
		assertThat(model.get("tags").get(0).get("key").asString()).isEqualTo("team");
		assertThat(model.has("latest_versions")).isFalse();
		assertThat(overviews.stream().filter(o -> o.key().equals("mlops")).findFirst().orElseThrow().counts().get("models"))
			.isEqualTo(models + 1);
		String home = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD).page("/").body();
		assertThat(home).contains("Registered models").doesNotContain("??mlops");

		HttpResponse<String> duplicate = http.postJson(API + "/registered-models/create", "{\"name\": \"" + name + "\"}");
		assertError(duplicate, 400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists");
		assertError(http.postJson(API + "/registered-models/create", "{}"), 400, "INVALID_PARAMETER_VALUE",
				"Missing value for required parameter 'name'");

		String[] runs = { run(), run(), run() };
		for (int i = 0; i < 3; i++) {
			JsonNode version = ok(http.postJson("/ajax-api/2.0/mlflow/model-versions/create", "{\"name\": \"" + name
					+ "\", \"source\": \"runs:/" + runs[i] + "/model\", \"run_id\": \"" + runs[i] + "\", \"run_link\": "
					+ "\"http://runs/" + i + "\", \"tags\": [{\"key\": \"i\", \"value\": \"" + i + "\"}]}"))
				.get("model_version");
			assertThat(version.get("version").isString()).isTrue();
			assertThat(version.get("version").asString()).isEqualTo(Integer.toString(i + 1));
			assertThat(version.get("name").asString()).isEqualTo(name);
			assertThat(version.get("current_stage").asString()).isEqualTo("None");
			assertThat(version.get("status").asString()).isEqualTo("READY");
			assertThat(version.get("run_id").asString()).isEqualTo(runs[i]);
			assertThat(version.get("run_link").asString()).isEqualTo("http://runs/" + i);
			assertThat(version.get("source").asString()).isEqualTo("runs:/" + runs[i] + "/model");
			assertThat(version.get("creation_timestamp").isIntegralNumber()).isTrue();
			assertThat(version.get("tags").get(0).get("value").asString()).isEqualTo(Integer.toString(i));
		}
		assertError(http.postJson(API + "/model-versions/create", "{\"name\": \"" + name + "\"}"), 400,
				"INVALID_PARAMETER_VALUE", "'source'");
		assertError(http.postJson(API + "/model-versions/create", "{\"name\": \"nope-" + name + "\", \"source\": \"s\"}"),
				404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=nope-" + name + " not found");

		RegisteredModel read = client.getRegisteredModel(name);
		assertThat(read.getDescription()).isEqualTo("predicts churn");
		assertThat(read.getTagsList()).anySatisfy(tag -> assertThat(tag.getValue()).isEqualTo("crm"));
		assertThat(read.getLatestVersionsList()).extracting(ModelVersion::getVersion).containsExactly("3");
		ModelVersion second = client.getModelVersion(name, "2");
		assertThat(second.getRunId()).isEqualTo(runs[1]);
		assertThat(second.getStatus()).isEqualTo(ModelVersionStatus.READY);
		assertThat(second.getCurrentStage()).isEqualTo("None");
		assertThat(client.getModelVersionDownloadUri(name, "1")).isEqualTo("runs:/" + runs[0] + "/model");
		assertThat(client.searchModelVersions("name = '" + name + "'").getItems()).extracting(ModelVersion::getVersion)
			.containsExactlyInAnyOrder("1", "2", "3");
		assertThat(client.searchModelVersions("run_id = '" + runs[1] + "'").getItems()).extracting(ModelVersion::getVersion)
			.containsExactly("2");
		assertThat(client.searchModelVersions("name = '" + name + "'", 2, List.of("version_number DESC")).getItems())
			.extracting(ModelVersion::getVersion)
			.containsExactly("3", "2");
		assertThatThrownBy(() -> client.getModelVersion(name, "9")).isInstanceOfSatisfying(MlflowHttpException.class,
				ex -> assertThat(ex.getStatusCode()).isEqualTo(404));
		assertError(http.get(API + "/model-versions/get?name=" + name + "&version=x"), 400, "INVALID_PARAMETER_VALUE",
				"Parameter 'version' must be an integer, got 'x'");
		assertError(http.get(API + "/registered-models/get?name=nope-" + name), 404, "RESOURCE_DOES_NOT_EXIST",
				"not found");
	}

	@Test
	void stagesMoveAndArchiveAndLatestVersionsFollow() {
		String name = registered(3);
		JsonNode production = ok(transition(name, "1", "Production", false)).get("model_version");
		assertThat(production.get("current_stage").asString()).isEqualTo("Production");
		ok(transition(name, "2", "staging", false));
		JsonNode third = ok(transition(name, "3", "PRODUCTION", true)).get("model_version");
		assertThat(third.get("current_stage").asString()).isEqualTo("Production");
		assertThat(client.getModelVersion(name, "1").getCurrentStage()).isEqualTo("Archived");
		assertThat(client.getModelVersion(name, "2").getCurrentStage()).isEqualTo("Staging");

		assertThat(client.getLatestVersions(name, List.of("Production", "Staging"))).extracting(ModelVersion::getVersion)
			.containsExactly("3", "2");
		JsonNode archived = ok(http.postJson(API + "/registered-models/get-latest-versions",
				"{\"name\": \"" + name + "\", \"stages\": [\"Archived\"]}"));
		assertThat(archived.get("model_versions")).hasSize(1);
		assertThat(archived.get("model_versions").get(0).get("version").asString()).isEqualTo("1");
		assertThat(client.getRegisteredModel(name).getLatestVersionsList()).extracting(ModelVersion::getCurrentStage)
			.containsExactly("Staging", "Production", "Archived");

		assertError(transition(name, "2", "Live", false), 400, "INVALID_PARAMETER_VALUE", "Invalid Model Version stage");
		assertError(transition(name, "2", "Archived", true), 400, "INVALID_PARAMETER_VALUE", "not an Active stage");
		assertError(http.postJson(API + "/model-versions/transition-stage",
				"{\"name\": \"" + name + "\", \"version\": \"2\", \"stage\": \"None\"}"), 400, "INVALID_PARAMETER_VALUE",
				"'archive_existing_versions'");
		assertError(transition(name, "7", "None", false), 404, "RESOURCE_DOES_NOT_EXIST",
				"Model Version (name=" + name + ", version=7) not found");
	}

	@Test
	void aliasesPointAtVersionsMoveAndGo() {
		String name = registered(2);
		ok(http.postJson(API + "/registered-models/alias",
				"{\"name\": \"" + name + "\", \"alias\": \"champion\", \"version\": \"1\"}"));
		ok(http.postJson(API + "/registered-models/alias",
				"{\"name\": \"" + name + "\", \"alias\": \"challenger\", \"version\": \"2\"}"));
		JsonNode champion = ok(http.get(API + "/registered-models/alias?name=" + name + "&alias=champion"))
			.get("model_version");
		assertThat(champion.get("version").asString()).isEqualTo("1");
		assertThat(champion.get("aliases")).hasSize(1);
		assertThat(champion.get("aliases").get(0).asString()).isEqualTo("champion");
		JsonNode aliases = ok(http.get(API + "/registered-models/get?name=" + name)).get("registered_model").get("aliases");
		assertThat(aliases.findValuesAsString("alias")).containsExactly("challenger", "champion");
		assertThat(aliases.findValuesAsString("version")).containsExactly("2", "1");
		assertThat(client.getRegisteredModel(name).getAliasesList()).hasSize(2);

		ok(http.postJson("/ajax-api/2.0/mlflow/registered-models/alias",
				"{\"name\": \"" + name + "\", \"alias\": \"champion\", \"version\": \"2\"}"));
		assertThat(client.getModelVersion(name, "2").getAliasesList()).containsExactly("challenger", "champion");
		assertThat(client.getModelVersion(name, "1").getAliasesList()).isEmpty();

		ok(http.deleteJson(API + "/registered-models/alias", "{\"name\": \"" + name + "\", \"alias\": \"challenger\"}"));
		assertError(http.get(API + "/registered-models/alias?name=" + name + "&alias=challenger"), 404,
				"RESOURCE_DOES_NOT_EXIST", "Registered model alias challenger not found");
		ok(http.delete(API + "/registered-models/alias?name=" + name + "&alias=champion"));
		assertThat(client.getRegisteredModel(name).getAliasesList()).isEmpty();

		for (String reserved : new String[] { "latest", "v3", "bad alias" }) {
			assertError(http.postJson(API + "/registered-models/alias", "{\"name\": \"" + name + "\", \"alias\": \""
					+ reserved + "\", \"version\": \"1\"}"), 400, "INVALID_PARAMETER_VALUE", "");
		}
		assertError(http.postJson(API + "/registered-models/alias", "{\"name\": \"" + name + "\", \"alias\": \"a\", "
				+ "\"version\": \"5\"}"), 404, "RESOURCE_DOES_NOT_EXIST", "not found");

		registry.setAlias(name, "serving", "1");
		assertThat(events.stream(ModelAliasSet.class)).containsExactly(new ModelAliasSet(name, "serving", "1"));
	}

	@Test
	void tagsDescriptionsRenamesSearchesAndDeletes() {
		String name = registered(3);
		ok(http.postJson(API + "/registered-models/set-tag", "{\"name\": \"" + name + "\", \"key\": \"k\", \"value\": \"v\"}"));
		ok(http.postJson(API + "/model-versions/set-tag",
				"{\"name\": \"" + name + "\", \"version\": \"2\", \"key\": \"k\", \"value\": \"\"}"));
		assertThat(names(API + "/registered-models/search?filter=" + encode("tags.k = 'v' AND name LIKE '" + name + "'")))
			.containsExactly(name);
		assertThat(client.searchModelVersions("name = '" + name + "' AND tags.k = ''").getItems())
			.extracting(ModelVersion::getVersion)
			.containsExactly("2");
		assertError(http.get(API + "/model-versions/search?order_by=" + encode("source DESC")), 400,
				"INVALID_PARAMETER_VALUE", "Invalid order by key");
		assertThat(client.getModelVersion(name, "2").getTagsList()).anySatisfy(tag -> {
			assertThat(tag.getKey()).isEqualTo("k");
			assertThat(tag.getValue()).isEmpty();
		});
		ok(http.deleteJson(API + "/model-versions/delete-tag",
				"{\"name\": \"" + name + "\", \"version\": \"2\", \"key\": \"k\"}"));
		ok(http.deleteJson(API + "/registered-models/delete-tag", "{\"name\": \"" + name + "\", \"key\": \"k\"}"));
		ok(http.delete(API + "/registered-models/delete-tag?name=" + name + "&key=k"));
		assertThat(client.getRegisteredModel(name).getTagsList()).isEmpty();
		assertThat(client.getModelVersion(name, "2").getTagsList()).noneSatisfy(tag -> assertThat(tag.getKey()).isEqualTo("k"));

		JsonNode version = ok(http.patchJson(API + "/model-versions/update",
				"{\"name\": \"" + name + "\", \"version\": \"1\", \"description\": \"first\"}")).get("model_version");
		assertThat(version.get("description").asString()).isEqualTo("first");
		JsonNode model = ok(http.patchJson(API + "/registered-models/update",
				"{\"name\": \"" + name + "\", \"description\": \"described\"}")).get("registered_model");
		assertThat(model.get("description").asString()).isEqualTo("described");

		String renamed = name + "-renamed";
		assertThat(ok(http.postJson(API + "/registered-models/rename", "{\"name\": \"" + name + "\", \"new_name\": \""
				+ renamed + "\"}")).get("registered_model").get("name").asString()).isEqualTo(renamed);
		assertError(http.get(API + "/registered-models/get?name=" + name), 404, "RESOURCE_DOES_NOT_EXIST", "not found");
		assertThat(client.getModelVersion(renamed, "1").getName()).isEqualTo(renamed);

		String prefix = renamed.substring(0, 14);
		assertThat(names(API + "/registered-models/search?filter=" + encode("name = '" + renamed + "'"))).containsExactly(renamed);
		assertThat(names(API + "/registered-models/search?filter=" + encode("name LIKE '" + prefix + "%renamed'")))
			.containsExactly(renamed);
		assertThat(names(API + "/registered-models/search?filter=" + encode("name ILIKE '%" + prefix.toUpperCase()
				+ "%RENAMED'"))).containsExactly(renamed);
		String other = registered(0);
		String both = encode("name = '" + renamed + "' OR TRUE");
		assertError(http.get(API + "/registered-models/search?filter=" + both), 400, "INVALID_PARAMETER_VALUE", "");
		String filter = encode("name IN ('" + renamed + "', '" + other + "')");
		JsonNode first = ok(http.get(API + "/registered-models/search?max_results=1&order_by=" + encode("name DESC")
				+ "&filter=" + filter));
		assertThat(first.get("registered_models").get(0).get("name").asString())
			.isEqualTo(other.compareTo(renamed) > 0 ? other : renamed);
		JsonNode second = ok(http.get("/ajax-api/2.0/mlflow/registered-models/search?max_results=1&order_by="
				+ encode("name DESC") + "&filter=" + filter + "&page_token=" + encode(first.get("next_page_token").asString())));
		assertThat(second.get("registered_models")).hasSize(1);
		assertThat(second.has("next_page_token")).isFalse();
		assertError(http.get(API + "/registered-models/search?max_results=1001"), 400, "INVALID_PARAMETER_VALUE",
				"max_results");

		ok(http.deleteJson(API + "/model-versions/delete", "{\"name\": \"" + renamed + "\", \"version\": \"3\"}"));
		assertError(http.get(API + "/model-versions/get?name=" + renamed + "&version=3"), 404, "RESOURCE_DOES_NOT_EXIST",
				"not found");
		JsonNode fourth = ok(http.postJson(API + "/model-versions/create",
				"{\"name\": \"" + renamed + "\", \"source\": \"s3://bucket/model\"}")).get("model_version");
		assertThat(fourth.get("version").asString()).isEqualTo("4");
		assertThat(fourth.has("run_id")).isFalse();

		ok(http.deleteJson(API + "/registered-models/delete", "{\"name\": \"" + renamed + "\"}"));
		assertError(http.get(API + "/registered-models/get?name=" + renamed), 404, "RESOURCE_DOES_NOT_EXIST", "not found");
		assertThat(client.searchModelVersions("name = '" + renamed + "'").getItems()).isEmpty();
		JsonNode again = ok(http.postJson(API + "/registered-models/create", "{\"name\": \"" + renamed + "\"}"));
		assertThat(again.get("registered_model").get("description").asString()).isEmpty();
	}

	private String registered(int versions) {
		String name = unique("model");
		ok(http.postJson(API + "/registered-models/create", "{\"name\": \"" + name + "\"}"));
		for (int i = 0; i < versions; i++) {
			String run = run();
			ok(http.postJson(API + "/model-versions/create",
					"{\"name\": \"" + name + "\", \"source\": \"runs:/" + run + "/model\", \"run_id\": \"" + run + "\"}"));
		}
		return name;
	}

	private String run() {
		return ok(http.postJson(API + "/runs/create", "{\"experiment_id\": \"0\"}")).get("run").get("info").get("run_id")
			.asString();
	}

	private HttpResponse<String> transition(String name, String version, String stage, boolean archive) {
		return http.postJson(API + "/model-versions/transition-stage", "{\"name\": \"" + name + "\", \"version\": \""
				+ version + "\", \"stage\": \"" + stage + "\", \"archive_existing_versions\": " + archive + "}");
	}

	private List<String> names(String path) {
		List<String> names = new java.util.ArrayList<>();
		ok(http.get(path)).get("registered_models").forEach(model -> names.add(model.get("name").asString()));
		return names;
	}

	static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	static void assertError(HttpResponse<String> response, int status, String code, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = Http.json(response);
		assertThat(body.get("error_code").asString()).isEqualTo(code);
		assertThat(body.get("message").asString()).contains(message);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
