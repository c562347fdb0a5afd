package dev.eaw.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.AuditEntry;
import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@AppTest
class SignInTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditTrail audit;

	@Test
	void pagesRedirectToTheSignInPage() {
		HttpResponse<String> response = Http.anonymous(port).get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void signInWithTheRightPasswordOpensTheDashboard() {
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("module-insights", "module-mlops", "module-docqa");
		assertThat(audit.page(0, 20)).anyMatch(e -> e.actor().equals("admin") && e.action().equals("sign-in"));
	}

	@Test
	void signInWithAWrongPasswordFailsAndIsAudited() {
		// a user of its own: failures are audited once per burst, and other tests' failures for admin may have begun one
		accounts.create("sign-in-wrong", "sign-in-wrong-secret", Role.VIEWER, "test");
		Http browser = Http.anonymous(port);
		HttpResponse<String> response = browser.signIn("sign-in-wrong", "not-the-password");
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(audit.page(0, 20)).anyMatch(e -> e.actor().equals("sign-in-wrong") && e.action().equals("sign-in.failed"));
	}

	@Test
	void aDisabledUserCannotSignIn() {
		accounts.create("sign-in-disabled", "disabled-secret", Role.ANALYST, "test");
		accounts.setEnabled("sign-in-disabled", false, "test");
		HttpResponse<String> response = Http.anonymous(port).signIn("sign-in-disabled", "disabled-secret");
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(Http.basic(port, "sign-in-disabled", "disabled-secret").get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void browserWritesNeedTheCsrfTokenButBasicCallsDoNot() {
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(browser.form("/account/tokens", Map.of("name", "no-csrf")).statusCode()).isEqualTo(403);
		assertThat(browser.postJson("/api/tokens", "{\"name\": \"no-csrf\"}").statusCode()).isEqualTo(403);
		String csrf = browser.csrfFrom("/account");
		assertThat(browser.form("/account/tokens", Map.of("name", "with-csrf", "_csrf", csrf)).statusCode()).isEqualTo(302);
		assertThat(Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).postJson("/api/tokens", "{\"name\": \"basic\"}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void signingOutEndsTheSession() {
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		String csrf = browser.csrfFrom("/");
		assertThat(browser.form("/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(audit.page(0, 50)).extracting(AuditEntry::action).contains("sign-out");
	}

}
