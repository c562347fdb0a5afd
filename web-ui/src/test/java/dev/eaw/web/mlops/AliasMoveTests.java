package dev.eaw.web.mlops;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelServing;
import dev.eaw.mlops.TrackingError;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.mlops.ServingFixture.customers;
import static dev.eaw.web.mlops.ServingFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moving an alias that serving answers with is atomic: the new version is loaded before the alias moves, and a version
 * serving cannot load is refused with MLflow's error JSON while the registry, the served version and the traffic split
 * stay as they were. The endpoint is MLflow's {@code SetRegisteredModelAlias}: {@code POST
 * /mlflow/registered-models/alias} with {@code name}, {@code alias}, {@code version}, and {@code GET} of the same path
 * ({@code GetModelVersionByAlias}) answering {@code {"model_version": …}} (mlflow/mlflow,
 * mlflow/protos/model_registry.proto); errors are {@code {"error_code": "INVALID_PARAMETER_VALUE", "message": …}} with
 * 400 (mlflow/mlflow, mlflow/protos/databricks.proto, ErrorCode).
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasMoveTests {

	private static final String API = "/api/2.0/mlflow";

	private static final String SERVING = "/api/mlops/serving/";

	/** A run that does not exist: the version registers (MLflow does not check) but cannot be loaded. */
	private static final String MISSING = "runs:/00000000000000000000000000000000/model";

	@LocalServerPort
	int port;

	@Autowired
	ModelRegistry registry;

	@Autowired
	ModelServing serving;

	@Autowired
	TransactionTemplate transactions;

	Http admin;

	String runId;

	@BeforeAll
	void trainOnce() {
		admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		ServingFixture.upload(admin, "alias_churn", ServingFixture.csv(400, 17, false));
		runId = ServingFixture.train(admin, "alias_churn", "churned", "classification", "logistic-regression");
	}

	@Test
	void anAliasServingAnswersWithDoesNotMoveToAVersionThatCannotLoad() {
		String model = "atomic-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(ServingFixture.register(admin, model, runId)).isEqualTo("1");
		assertThat(ServingFixture.register(admin, model, MISSING, null)).isEqualTo("2");
		ServingFixture.alias(admin, model, "champion", "1");
		String row = records(customers(3, 5, 0));
		assertServedBy(model, "1", row);
		HttpResponse<String> split = admin.putJson(SERVING + model + "/traffic",
				"{\"routes\": [{\"target\": \"champion\", \"percent\": 70}, {\"target\": \"1\", \"percent\": 30}]}");
		assertThat(split.statusCode()).as(split.body()).isEqualTo(200);

		HttpResponse<String> moved = admin.postJson(API + "/registered-models/alias",
				"{\"name\": \"" + model + "\", \"alias\": \"champion\", \"version\": \"2\"}");
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(400);
		JsonNode error = Http.json(moved);
		assertThat(error.get("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");
		assertThat(error.get("message").asString()).isEqualTo("Version 2 of '" + model + "' cannot be served, so alias "
				+ "'champion' stays on version 1: Run '00000000000000000000000000000000' not found");

		// nothing changed: the registry, the served version, the traffic split
		JsonNode champion = Http.json(admin.get(API + "/registered-models/alias?name=" + model + "&alias=champion"));
		assertThat(champion.get("model_version").get("version").asString()).isEqualTo("1");
		assertServedBy(model, "1", row);
		assertThat(Http.json(admin.get(SERVING + model + "/traffic")).get("routes").toString())
			.isEqualTo("[{\"target\":\"champion\",\"percent\":70},{\"target\":\"1\",\"percent\":30}]");
		assertThat(serving.resolve(model, "champion")).isEqualTo("1");

		// the module's API refuses it the same way (the registry pages show its message)
		assertThatThrownBy(() -> registry.setAlias(model, "champion", "2")).isInstanceOfSatisfying(TrackingError.class,
				refused -> assertThat(refused.code()).isEqualTo(TrackingError.Code.INVALID_PARAMETER_VALUE));
		assertThat(registry.getByAlias(model, "champion").version()).isEqualTo("1");

		// serving forgets a deleted model's split after the registry committed, in a transaction of its own
		assertThat(admin.deleteJson(API + "/registered-models/delete", "{\"name\": \"" + model + "\"}").statusCode())
			.isEqualTo(200);
		ServingFixture.register(admin, model, runId);
		assertThat(Http.json(admin.get(SERVING + model + "/traffic")).get("routes")).isEmpty();
		assertThat(serving.resolve(model, "latest")).isEqualTo("1");
	}

	@Test
	void aliasesServingDoesNotAnswerWithMoveAsInMlflow() {
		String model = "unserved-" + UUID.randomUUID().toString().substring(0, 8);
		ServingFixture.register(admin, model, runId);
		ServingFixture.register(admin, model, MISSING, null);
		ServingFixture.register(admin, model, runId);
		// a new alias on a version serving cannot load: serving answers with nothing through it yet
		ServingFixture.alias(admin, model, "shadow", "2");
		assertThat(registry.getByAlias(model, "shadow").version()).isEqualTo("2");
		// ... but a new champion would take the routed requests from the latest version, which loads
		HttpResponse<String> champion = admin.postJson(API + "/registered-models/alias",
				"{\"name\": \"" + model + "\", \"alias\": \"champion\", \"version\": \"2\"}");
		assertThat(champion.statusCode()).as(champion.body()).isEqualTo(400);
		assertThat(Http.json(champion).get("error_code").asString()).isEqualTo("INVALID_PARAMETER_VALUE");
		assertThat(admin.get(API + "/registered-models/alias?name=" + model + "&alias=champion").statusCode())
			.isEqualTo(404);
		String row = records(customers(2, 8, 0));
		HttpResponse<String> routed = admin.postJson(SERVING + model + "/invocations", row);
		assertThat(routed.headers().firstValue("X-Model-Version")).hasValue("3");
	}

	@Test
	void servingFollowsAnAliasOnlyOnceTheRegistryCommitted() {
		String model = "commit-" + UUID.randomUUID().toString().substring(0, 8);
		ServingFixture.register(admin, model, runId);
		ServingFixture.register(admin, model, runId);
		ServingFixture.alias(admin, model, "champion", "1");
		ServingFixture.alias(admin, model, "challenger", "2");
		String row = records(customers(2, 9, 0));
		assertServedBy(model, "1", row);
		transactions.executeWithoutResult(status -> {
			registry.setAlias(model, "champion", "2");
			registry.deleteAlias(model, "challenger");
			status.setRollbackOnly();
		});
		assertThat(registry.getByAlias(model, "champion").version()).isEqualTo("1");
		assertThat(serving.resolve(model, "champion")).isEqualTo("1");
		assertThat(serving.resolve(model, "challenger")).isEqualTo("2");
		assertServedBy(model, "1", row);
		ServingFixture.alias(admin, model, "champion", "2");
		assertServedBy(model, "2", row);
	}

	/** Predictions through the alias and through routing come from {@code version}. */
	private void assertServedBy(String model, String version, String row) {
		for (String url : new String[] { SERVING + model + "/champion/invocations", SERVING + model + "/invocations" }) {
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> response = admin.postJson(url, row, "X-Request-Key", "key-" + i);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Model-Version")).as(url).hasValue(version);
			}
		}
	}

}
