package dev.eaw.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.eaw.kernel.AuditEntry;
import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's brute-force reproductions with the default limits (5 failures per account, 20 per client, 30 s first
 * lock): 40 wrong Basic logins, 40 wrong form logins and 30 bad tokens no longer leave the right credentials working
 * at once, and a burst is audited once, not per attempt. Each test is its own client (X-Forwarded-For from loopback).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eaw.admin.password=" + AppTest.ADMIN_PASSWORD, "eaw.postgres.directory=",
				"eaw.insights.warm-up=false", "eaw.insights.samples=false",
				"eaw.mlops.artifacts=${java.io.tmpdir}/eaw-test-throttle-${random.uuid}/artifacts",
				"eaw.docqa.files=${java.io.tmpdir}/eaw-test-throttle-${random.uuid}/files",
				"eaw.docqa.index=${java.io.tmpdir}/eaw-test-throttle-${random.uuid}/index" })
@DirtiesContext
class SignInThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditTrail audit;

	@Test
	void fortyWrongBasicLoginsLockTheAccountWithRetryAfter() {
		accounts.create("throttle-basic", "throttle-basic-secret", Role.ANALYST, "test");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			statuses.add(Http.basic(port, "throttle-basic", "wrong-" + i).from("198.51.100.1").get("/api/me").statusCode());
		}
		assertThat(statuses.subList(0, 4)).containsOnly(401);
		assertThat(statuses.subList(5, 40)).containsOnly(429);
		HttpResponse<String> right = Http.basic(port, "throttle-basic", "throttle-basic-secret")
			.from("198.51.100.1")
			.get("/api/me");
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(right.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
		assertThat(Http.json(right).get("detail").asString()).contains("Too many failed sign-ins");
		// the lock is the account's: from another address it holds too
		assertThat(Http.basic(port, "throttle-basic", "throttle-basic-secret").from("198.51.100.11").get("/api/me")
			.statusCode()).isEqualTo(429);
		// other accounts are untouched
		assertThat(Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).from("198.51.100.12").get("/api/me").statusCode())
			.isEqualTo(200);
	}

	@Test
	void fortyWrongFormLoginsLockTheAccount() {
		accounts.create("throttle-form", "throttle-form-secret", Role.VIEWER, "test");
		for (int i = 0; i < 40; i++) {
			Http.anonymous(port).from("198.51.100.2").signIn("throttle-form", "wrong-" + i);
		}
		Http browser = Http.anonymous(port).from("198.51.100.2");
		HttpResponse<String> right = browser.signIn("throttle-form", "throttle-form-secret");
		assertThat(right.statusCode()).isEqualTo(302);
		assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?locked="));
		assertThat(right.headers().firstValue("Retry-After")).isPresent();
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(browser.get("/login?locked=30").body()).contains("Too many failed sign-ins");
	}

	@Test
	void thirtyBadTokensLockTheClientAndAreAuditedOncePerBurst() {
		int before = auditRowsFrom("198.51.100.3");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			statuses.add(Http.bearer(port, "eaw_guess" + i).from("198.51.100.3").get("/api/me").statusCode());
		}
		assertThat(statuses.subList(0, 19)).containsOnly(401);
		assertThat(statuses.subList(20, 30)).containsOnly(429);
		String token = Http.json(Http.basic(port, "admin", AppTest.ADMIN_PASSWORD)
			.from("198.51.100.13")
			.postJson("/api/tokens", "{\"name\": \"throttle\"}")).get("token").asString();
		assertThat(Http.bearer(port, token).from("198.51.100.3").get("/api/me").statusCode()).isEqualTo(429);
		assertThat(Http.bearer(port, token).from("198.51.100.14").get("/api/me").statusCode()).isEqualTo(200);
		// the first failure and the lock, not 30 rows
		assertThat(auditRowsFrom("198.51.100.3") - before).isBetween(1, 2);
	}

	@Test
	void aSuccessfulSignInForgetsTheAccountsEarlierFailures() {
		accounts.create("throttle-typo", "throttle-typo-secret", Role.VIEWER, "test");
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(Http.basic(port, "throttle-typo", "typo").from("198.51.100.4").get("/api/me").statusCode())
					.isEqualTo(401);
			}
			assertThat(Http.basic(port, "throttle-typo", "throttle-typo-secret").from("198.51.100.4").get("/api/me")
				.statusCode()).isEqualTo(200);
		}
	}

	private int auditRowsFrom(String client) {
		return (int) audit.page(0, 500)
			.stream()
			.map(AuditEntry::detail)
			.filter(detail -> detail != null && detail.contains(client))
			.count();
	}

}
