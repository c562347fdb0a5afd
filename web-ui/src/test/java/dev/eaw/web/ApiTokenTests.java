package dev.eaw.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@AppTest
class ApiTokenTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenIsShownOnceStoredHashedAndRevocable() {
		accounts.create("token-user", "token-secret", Role.ANALYST, "test");
		Http basic = Http.basic(port, "token-user", "token-secret");

		HttpResponse<String> created = basic.postJson("/api/tokens", "{\"name\": \"ci\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode issued = Http.json(created);
		String token = issued.path("token").asString();
		long id = issued.path("id").asLong();
		assertThat(issued.path("name").asString()).isEqualTo("ci");
		assertThat(token).startsWith("eaw_").hasSizeGreaterThan(40);

		String stored = jdbc.sql("SELECT token_hash FROM kernel.api_tokens WHERE id = ?").param(id).query(String.class).single();
		assertThat(stored).hasSize(64).doesNotContain(token.substring(4));
		assertThat(basic.get("/api/tokens").body()).contains("\"ci\"").doesNotContain(token);

		Http bearer = Http.bearer(port, token);
		HttpResponse<String> me = bearer.get("/api/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(Http.json(me).path("username").asString()).isEqualTo("token-user");
		assertThat(bearer.postJson("/api/tokens", "{\"name\": \"made-with-a-token\"}").statusCode()).isEqualTo(201);

		assertThat(basic.delete("/api/tokens/" + id).statusCode()).isEqualTo(204);
		HttpResponse<String> refused = bearer.get("/api/me");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(Http.json(refused).path("detail").asString()).contains("revoked");
	}

	@Test
	void aTokenCannotBeRevokedByAnotherUser() {
		accounts.create("token-owner", "owner-secret", Role.VIEWER, "test");
		accounts.create("token-other", "other-secret", Role.VIEWER, "test");
		long id = Http.json(Http.basic(port, "token-owner", "owner-secret").postJson("/api/tokens", "{\"name\": \"mine\"}"))
			.path("id")
			.asLong();
		HttpResponse<String> response = Http.basic(port, "token-other", "other-secret").delete("/api/tokens/" + id);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Http.basic(port, "token-owner", "owner-secret").get("/api/tokens").body()).contains("mine");
	}

	@Test
	void anUnknownTokenAndMissingCredentialsGet401Problems() {
		HttpResponse<String> unknown = Http.bearer(port, "eaw_not-a-real-token").get("/api/overview");
		assertThat(unknown.statusCode()).isEqualTo(401);
		HttpResponse<String> none = Http.anonymous(port).get("/api/overview");
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("Location")).isEmpty();
		assertThat(Http.json(none).path("title").asString()).isEqualTo("Unauthorized");
		assertThat(Http.anonymous(port).postJson("/api/tokens", "{\"name\": \"x\"}").statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenNeedsAName() {
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).postJson("/api/tokens", "{}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).contains("name");
		HttpResponse<String> broken = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).postJson("/api/tokens", "{not json");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
	}

	@Test
	void tokenCreationIsAudited() {
		Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).postJson("/api/tokens", "{\"name\": \"audited-token\"}");
		HttpResponse<String> audit = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).get("/api/admin/audit?size=200");
		assertThat(audit.body()).contains("token.created", "audited-token");
	}

}
