package dev.eaw.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for tests: Basic, Bearer or a browser-like session with cookies, no redirects followed. */
public final class Http {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private String authorization;

	private String forwardedFor;

	private Http(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public static Http anonymous(int port) {
		return new Http("http://localhost:" + port, null);
	}

	public static Http basic(int port, String user, String password) {
		String pair = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Http("http://localhost:" + port, "Basic " + pair);
	}

	public static Http bearer(int port, String token) {
		return new Http("http://localhost:" + port, "Bearer " + token);
	}

	/** A browser-like session signed in through the login form; fails when sign-in does not redirect home. */
	public static Http signedIn(int port, String user, String password) {
		Http http = anonymous(port);
		HttpResponse<String> response = http.signIn(user, password);
		if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/")) {
			throw new AssertionError("sign-in of " + user + " failed: " + response.statusCode() + " "
					+ response.headers().firstValue("Location").orElse(""));
		}
		return http;
	}

	public HttpResponse<String> signIn(String user, String password) {
		return form("/login", Map.of("username", user, "password", password, "_csrf", csrfFrom("/login")));
	}

	/** The CSRF token from a page's form or meta tag. */
	public String csrfFrom(String page) {
		String html = get(page).body();
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no CSRF token on " + page);
		}
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/** A GET as a browser sends it, asking for HTML. */
	public HttpResponse<String> page(String path) {
		return send(request(path).header("Accept", "text/html,application/xhtml+xml").GET());
	}

	/** A PUT with a raw body, as MLflow's artifact upload sends it. */
	public HttpResponse<String> putBytes(String path, byte[] body) {
		return send(request(path).header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** A GET whose body is kept as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	/** A DELETE with a JSON body, as MLflow's clients send it. */
	public HttpResponse<String> deleteJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> postJsonAccepting(String path, String json, String accept) {
		return send(request(path).header("Content-Type", "application/json").header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> putJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A JSON POST with extra headers (name, value, name, value, …). */
	public HttpResponse<String> postJson(String path, String json, String... headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> patchJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A multipart/form-data POST with one file part named {@code file} and text fields. */
	public HttpResponse<String> upload(String path, String fileName, byte[] content, Map<String, String> fields) {
		String boundary = "----eaw" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A multipart/form-data POST with one part named {@code files} per entry (file name → bytes), in order. */
	public HttpResponse<String> uploadFiles(String path, Map<String, byte[]> files) {
		return uploadFiles(path, files, Map.of());
	}

	/** {@link #uploadFiles(String, Map)} with text fields before the files. */
	public HttpResponse<String> uploadFiles(String path, Map<String, byte[]> files, Map<String, String> fields) {
		String boundary = "----eaw" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
						+ file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(file.getValue());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** POST {"sql": …} to the query API. */
	public HttpResponse<String> query(String sql) {
		return postJson("/api/insights/query", JSON.writeValueAsString(Map.of("sql", sql)));
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		if (forwardedFor != null) {
			builder.header("X-Forwarded-For", forwardedFor);
		}
		return builder;
	}

	/**
	 * Sends every request as if through a proxy for the client {@code address} (the application trusts
	 * X-Forwarded-For from loopback), so tests of per-client limits can be distinct clients.
	 */
	public Http from(String address) {
		this.forwardedFor = address;
		return this;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
