package dev.eaw.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL killed under a running application: API calls (Basic and Bearer) and health answer 503
 * quickly, readiness goes DOWN while liveness stays UP, and the watchdog starts the server again on the same data
 * and port, after which the same calls succeed. Its own application context (the database is killed), closed
 * afterwards; the watchdog waits {@value #RESTART_DELAY} before restarting so the outage can be observed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eaw.admin.password=" + AppTest.ADMIN_PASSWORD, "eaw.postgres.directory=",
				"eaw.insights.warm-up=false", "eaw.postgres.watchdog-interval=1s",
				"eaw.postgres.restart-delay=" + DatabaseOutageTests.RESTART_DELAY, "eaw.database.statement-timeout=2s",
				"eaw.mlops.artifacts=${java.io.tmpdir}/eaw-test-outage-${random.uuid}/artifacts",
				"eaw.docqa.files=${java.io.tmpdir}/eaw-test-outage-${random.uuid}/files",
				"eaw.docqa.index=${java.io.tmpdir}/eaw-test-outage-${random.uuid}/index" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTests {

	static final String RESTART_DELAY = "40s";

	/** Generous: proves "did not hang" (before, every call waited 30 s and health 120 s). */
	private static final Duration QUICKLY = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Test
	@Order(2)
	void aKilledDatabaseIsAnswered503UntilTheWatchdogHasRestartedIt() throws Exception {
		accounts.create("outage-analyst", "outage-secret", Role.ANALYST, "test");
		accounts.create("outage-viewer", "viewer-secret", Role.VIEWER, "test");
		Http basic = Http.basic(port, "outage-analyst", "outage-secret");
		HttpResponse<String> issued = basic.postJson("/api/tokens", "{\"name\": \"outage-token\"}");
		assertThat(issued.statusCode()).isEqualTo(201);
		Http bearer = Http.bearer(port, Http.json(issued).path("token").asString());
		Http viewer = Http.basic(port, "outage-viewer", "viewer-secret"); // never signed in: not remembered
		Http anonymous = Http.anonymous(port);
		assertThat(basic.get("/api/tokens").statusCode()).isEqualTo(200);
		assertThat(bearer.get("/api/me").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		Path dataDirectory = Path.of(jdbc.sql("SHOW data_directory").query(String.class).single());
		long killed = postmaster(dataDirectory);
		ProcessHandle.of(killed).orElseThrow().destroyForcibly();

		outage(() -> basic.get("/api/tokens")); // credentials remembered: the controller's query fails
		outage(() -> viewer.get("/api/me")); // the user lookup of HTTP Basic fails
		outage(() -> bearer.get("/api/me")); // the token lookup fails
		outage(() -> bearer.postJson("/api/mlops/serving/ping", "{}"));
		// a browser's sign-in cannot check the password either: the error page says so, not "wrong password"
		assertThat(quickly(() -> Http.anonymous(port).signIn("outage-viewer", "viewer-secret"), 503).body())
			.contains("The database is not reachable");
		JsonNode health = Http.json(quickly(() -> anonymous.get("/actuator/health"), 503));
		assertThat(health.path("status").asString()).isEqualTo("DOWN");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("DOWN");
		JsonNode readiness = Http.json(quickly(() -> anonymous.get("/actuator/health/readiness"), 503));
		assertThat(readiness.path("status").asString()).isEqualTo("DOWN");
		JsonNode liveness = Http.json(quickly(() -> anonymous.get("/actuator/health/liveness"), 200));
		assertThat(liveness.path("status").asString()).isEqualTo("UP");

		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (basic.get("/api/tokens").statusCode() != 200) {
			assertThat(System.nanoTime()).as("the watchdog restarted PostgreSQL").isLessThan(deadline);
			Thread.sleep(500);
		}
		assertThat(postmaster(dataDirectory)).isNotEqualTo(killed);
		assertThat(basic.get("/api/tokens").body()).contains("outage-token");
		assertThat(bearer.get("/api/me").statusCode()).isEqualTo(200);
		assertThat(Http.json(viewer.get("/api/me")).path("username").asString()).isEqualTo("outage-viewer");
		assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(Http.json(anonymous.get("/actuator/health")).path("components").path("db").path("status").asString())
			.isEqualTo("UP");
	}

	@Test
	@Order(1)
	void aLongStatementIsCutByTheStatementTimeout() {
		assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("2s");
		long start = System.nanoTime();
		assertThatThrownBy(() -> jdbc.sql("SELECT pg_sleep(30)::text").query(String.class).single())
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("statement timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
	}

	/** A 503 problem with Retry-After and the plain sentence, within {@link #QUICKLY}. */
	private static void outage(Supplier<HttpResponse<String>> call) {
		HttpResponse<String> response = quickly(call, 503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(Http.json(response).path("detail").asString())
			.isEqualTo("The database is not reachable; try again shortly.");
	}

	private static HttpResponse<String> quickly(Supplier<HttpResponse<String>> call, int status) {
		long start = System.nanoTime();
		HttpResponse<String> response = call.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response;
	}

	private static long postmaster(Path dataDirectory) throws IOException {
		return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
	}

}
