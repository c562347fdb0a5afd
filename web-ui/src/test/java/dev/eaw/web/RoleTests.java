package dev.eaw.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** VIEWER reads, ANALYST also changes, ADMIN also administers: on pages and on the API. */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@BeforeAll
	void users() {
		accounts.create("role-viewer", "viewer-secret", Role.VIEWER, "test");
		accounts.create("role-analyst", "analyst-secret", Role.ANALYST, "test");
	}

	@Test
	void aViewerReadsButCannotChangeAnything() {
		Http viewer = Http.basic(port, "role-viewer", "viewer-secret");
		assertThat(viewer.get("/api/overview").statusCode()).isEqualTo(200);
		HttpResponse<String> write = viewer.postJson("/api/overview", "{}");
		assertThat(write.statusCode()).isEqualTo(403);
		assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(Http.json(write).path("status").asInt()).isEqualTo(403);
	}

	@Test
	void anAnalystPassesTheWriteRuleWhereAViewerIsStopped() {
		// POST /api/overview has no handler: an analyst gets past authorization (405), a viewer does not (403).
		assertThat(Http.basic(port, "role-analyst", "analyst-secret").postJson("/api/overview", "{}").statusCode())
			.isEqualTo(405);
	}

	@Test
	void readingPostsAreOpenToViewersAndTheirWritingNeighboursAreNot() {
		Http viewer = Http.basic(port, "role-viewer", "viewer-secret");
		// no such collection or model: past authorization (404), where a write would stop a viewer (403)
		assertThat(viewer.postJson("/api/docqa/collections/none-here/ask", "{\"question\": \"why?\"}").statusCode())
			.isEqualTo(404);
		assertThat(viewer.postJson("/api/mlops/serving/none-here/1/invocations", "{\"inputs\": []}").statusCode())
			.isNotEqualTo(403);
		assertThat(viewer.postJson("/api/docqa/collections", "{\"name\": \"viewer-made\"}").statusCode()).isEqualTo(403);
		assertThat(viewer.postJson("/api/docqa/collections/none-here/reindex", "{\"model\": \"all-minilm-l6-v2-q\"}")
			.statusCode()).isEqualTo(403);
		assertThat(viewer.putJson("/api/mlops/serving/none-here/traffic", "{\"routes\": []}").statusCode()).isEqualTo(403);
	}

	@Test
	void onlyAdminsReachAdministrationOnTheApi() {
		String newUser = "{\"username\": \"role-made\", \"password\": \"made-user-secret\", \"role\": \"VIEWER\"}";
		assertThat(Http.basic(port, "role-viewer", "viewer-secret").get("/api/admin/users").statusCode()).isEqualTo(403);
		assertThat(Http.basic(port, "role-analyst", "analyst-secret").postJson("/api/admin/users", newUser).statusCode())
			.isEqualTo(403);
		assertThat(Http.basic(port, "role-analyst", "analyst-secret").get("/actuator/prometheus").statusCode())
			.isEqualTo(403);
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(admin.postJson("/api/admin/users", newUser).statusCode()).isEqualTo(201);
		assertThat(admin.postJson("/api/admin/users", newUser).statusCode()).isEqualTo(409);
		assertThat(admin.patchJson("/api/admin/users/role-made", "{\"role\": \"ANALYST\"}").statusCode()).isEqualTo(200);
		assertThat(accounts.find("role-made")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ANALYST));
	}

	@Test
	void onlyAdminsReachAdministrationPages() {
		Http viewer = Http.signedIn(port, "role-viewer", "viewer-secret");
		assertThat(viewer.get("/admin/users").statusCode()).isEqualTo(403);
		assertThat(viewer.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(viewer.get("/account").statusCode()).isEqualTo(200);
		Http admin = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(admin.get("/admin/users").body()).contains("role-viewer", "role-analyst");
		assertThat(admin.get("/admin/audit").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdminChangesRolesFromTheUsersPageAndItIsAudited() {
		accounts.create("role-promoted", "promoted-secret", Role.VIEWER, "test");
		Http admin = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		String csrf = admin.csrfFrom("/admin/users");
		HttpResponse<String> response = admin.form("/admin/users/role-promoted/role", Map.of("role", "ANALYST", "_csrf", csrf));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(accounts.find("role-promoted")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ANALYST));
		assertThat(admin.get("/admin/audit").body()).contains("user.role-changed", "role-promoted: VIEWER → ANALYST");
	}

	@Test
	void anAdminSetsANewPasswordForAUser() {
		accounts.create("role-forgetful", "forgotten-secret", Role.VIEWER, "test");
		assertThat(Http.basic(port, "role-forgetful", "forgotten-secret").get("/api/me").statusCode()).isEqualTo(200);
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(admin.patchJson("/api/admin/users/role-forgetful", "{\"password\": \"short\"}").statusCode())
			.isEqualTo(400);
		assertThat(admin.patchJson("/api/admin/users/role-forgetful", "{\"password\": \"remembered-secret\"}").statusCode())
			.isEqualTo(200);
		assertThat(Http.basic(port, "role-forgetful", "forgotten-secret").get("/api/me").statusCode()).isEqualTo(401);
		assertThat(Http.basic(port, "role-forgetful", "remembered-secret").get("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void aDisabledUserIsRefusedAtOnceEvenRightAfterACall() {
		accounts.create("role-leaver", "leaver-secret", Role.ANALYST, "test");
		Http leaver = Http.basic(port, "role-leaver", "leaver-secret");
		assertThat(leaver.get("/api/me").statusCode()).isEqualTo(200);
		assertThat(Http.basic(port, "admin", AppTest.ADMIN_PASSWORD)
			.patchJson("/api/admin/users/role-leaver", "{\"enabled\": false}")
			.statusCode()).isEqualTo(200);
		assertThat(leaver.get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void theLastAdminCannotBeDemoted() {
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD)
			.patchJson("/api/admin/users/admin", "{\"role\": \"VIEWER\"}");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(Http.json(response).path("detail").asString()).contains("last enabled admin");
	}

}
