package dev.eaw.docqa.index;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.VectorStoreUnavailable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of Chroma's v2 REST API ({@code /api/v2/tenants/{t}/databases/{d}/collections/{id}/…}): just what
 * {@link ChromaChunkIndex} needs. Creates the tenant, database and collection (cosine space) when missing, at the first
 * call that needs them, so the app starts while Chroma is down. A call Chroma does not answer (refused, past the
 * connect or read timeout, or a 5xx) is {@link VectorStoreUnavailable}.
 */
final class ChromaClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final String api;

	private final String tenant;

	private final String database;

	private final String collection;

	private volatile @Nullable String collectionPath;

	ChromaClient(URI url, String tenant, String database, String collection, Duration connectTimeout,
			Duration readTimeout) {
		this.api = url.toString().replaceAll("/+$", "") + "/api/v2";
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.tenant = tenant;
		this.database = database;
		this.collection = collection;
	}

	/** The collection's path, creating the tenant, database and collection at the first call. */
	private synchronized String collectionPath() {
		String path = collectionPath;
		if (path != null) {
			return path;
		}
		String tenantPath = "/tenants/" + encode(tenant);
		if (send("GET", tenantPath, null, true) == null) {
			send("POST", "/tenants", Map.of("name", tenant), false);
		}
		String databasePath = tenantPath + "/databases/" + encode(database);
		if (send("GET", databasePath, null, true) == null) {
			send("POST", tenantPath + "/databases", Map.of("name", database), false);
		}
		JsonNode created = send("POST", databasePath + "/collections", Map.of("name", collection, "get_or_create", true,
				"configuration", Map.of("hnsw", Map.of("space", "cosine"))), false);
		path = collectionsPath() + created.get("id").asString();
		collectionPath = path;
		return path;
	}

	private String collectionsPath() {
		return "/tenants/" + encode(tenant) + "/databases/" + encode(database) + "/collections/";
	}

	/** Null when Chroma answers its heartbeat (within the connect timeout: health waits no longer), else why not. */
	@Nullable String unavailable() {
		try {
			send("GET", "/heartbeat", null, false, connectTimeout);
			return null;
		}
		catch (VectorStoreUnavailable ex) {
			return VectorStoreUnavailable.DETAIL + " (Chroma at " + api.substring(0, api.length() - 7) + ").";
		}
	}

	/** Deletes the collection with all its records. */
	synchronized void dropCollection() {
		send("DELETE", collectionsPath() + encode(collection), null, true);
		collectionPath = null;
	}

	/** Posts to one of the collection's operations ({@code upsert}, {@code query}, {@code get}, {@code delete}). */
	JsonNode post(String operation, Map<String, ?> body) {
		return send("POST", collectionPath() + "/" + operation, body, false);
	}

	private @Nullable JsonNode send(String method, String path, @Nullable Object body, boolean missingIsNull) {
		return send(method, path, body, missingIsNull, readTimeout);
	}

	private @Nullable JsonNode send(String method, String path, @Nullable Object body, boolean missingIsNull,
			Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
			.timeout(timeout)
			.header("Accept", "application/json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new VectorStoreUnavailable("Chroma at " + api + " is unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling Chroma", ex);
		}
		if (missingIsNull && response.statusCode() == 404) {
			return null;
		}
		if (response.statusCode() / 100 == 5) {
			throw new VectorStoreUnavailable(
					"Chroma " + method + " " + path + " failed (" + response.statusCode() + "): " + response.body());
		}
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"Chroma " + method + " " + path + " failed (" + response.statusCode() + "): " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private static String encode(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8);
	}

}
