package dev.eaw.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@AppTest
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Test
	void anUnknownApiPathIsA404Problem() {
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).get("/api/no-such-thing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(Http.json(response).path("status").asInt()).isEqualTo(404);
	}

	@Test
	void anUnknownUserIsA404Problem() {
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).get("/api/admin/users/nobody-here");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Http.json(response).path("detail").asString()).contains("nobody-here");
	}

	@Test
	void anUnknownPageRendersTheErrorPage() {
		HttpResponse<String> response = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD).page("/no-such-page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Something went wrong", "There is nothing at this address.");
	}

}
