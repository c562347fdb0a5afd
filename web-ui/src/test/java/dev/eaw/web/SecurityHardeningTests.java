package dev.eaw.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web side of issue 9's reproductions: CSRF cannot be skipped with a made-up Authorization header, weak passwords
 * are refused, every page and API answer carries a Content-Security-Policy and nosniff, and the session cookie is
 * SameSite=Lax. (Sign-in throttling has its own context: {@link SignInThrottleTests}.)
 */
@AppTest
class SecurityHardeningTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@ParameterizedTest
	@ValueSource(strings = { "x", "Token abc", "Basic", "Bearer" })
	void aSessionWithAnyOtherAuthorizationHeaderIsRefusedNotLetPastCsrf(String header) {
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		HttpResponse<String> response = browser.postJson("/api/tokens", "{\"name\": \"csrf-bypass\"}", "Authorization",
				header);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(tokenNames()).doesNotContain("csrf-bypass");
	}

	@Test
	void aSessionWithWrongBasicCredentialsOfItsOwnUserIsRefused() {
		accounts.create("hardening-csrf", "hardening-csrf-secret", Role.ANALYST, "test");
		Http browser = Http.signedIn(port, "hardening-csrf", "hardening-csrf-secret");
		String wrong = Base64.getEncoder()
			.encodeToString("hardening-csrf:not-the-password".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = browser.postJson("/api/tokens", "{\"name\": \"csrf-basic\"}", "Authorization",
				"Basic " + wrong);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Http.basic(port, "hardening-csrf", "hardening-csrf-secret").get("/api/tokens").body())
			.doesNotContain("csrf-basic");
	}

	@Test
	void aSessionWithABadBearerTokenIsRefused() {
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		HttpResponse<String> response = browser.postJson("/api/tokens", "{\"name\": \"csrf-bearer\"}", "Authorization",
				"Bearer eaw_not-a-token");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(tokenNames()).doesNotContain("csrf-bearer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password", "12345678", "       x", "password1234", "qwertyuiopas", "aaaaaaaaaaaaaaaa",
			"hardening-weak" })
	void weakPasswordsAreRefused(String password) {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		String json = "{\"username\": \"hardening-weak\", \"password\": " + Http.JSON.writeValueAsString(password)
				+ ", \"role\": \"VIEWER\"}";
		HttpResponse<String> response = admin.postJson("/api/admin/users", json);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).get("detail").asString()).containsAnyOf("12 characters", "common", "guess",
				"username");
	}

	@Test
	void aLongUncommonPasswordIsAccepted() {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		HttpResponse<String> response = admin.postJson("/api/admin/users",
				"{\"username\": \"hardening-strong\", \"password\": \"violet-harbour-tuesday\", \"role\": \"VIEWER\"}");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(Http.basic(port, "hardening-strong", "violet-harbour-tuesday").get("/api/me").statusCode())
			.isEqualTo(200);
	}

	@Test
	void pagesCarryAContentSecurityPolicyWithoutInlineScripts() {
		HttpResponse<String> login = Http.anonymous(port).get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
			.contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-eval")
			.doesNotContain("script-src 'self' 'unsafe-inline'"));
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		for (String page : new String[] { "/", "/insights/sql", "/mlops/train", "/docqa", "/admin/users" }) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).isPresent();
			// no inline script may run under script-src 'self': data goes in JSON blocks
			assertThat(response.body()).as(page).doesNotContainPattern("<script(?![^>]*(src=|type=\"application/json\"))");
		}
	}

	@Test
	void apiAnswersAreSandboxed() {
		HttpResponse<String> me = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).get("/api/me");
		assertThat(me.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "sandbox"));
		assertThat(me.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndHttpOnly() {
		Http browser = Http.anonymous(port);
		HttpResponse<String> response = browser.signIn("admin", AppTest.ADMIN_PASSWORD);
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=")
			.containsIgnoringCase("SameSite=Lax")
			.containsIgnoringCase("HttpOnly"));
	}

	private String tokenNames() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).get("/api/tokens").body();
	}

}
