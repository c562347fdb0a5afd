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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of Chroma's v2 REST API ({@code /api/v2/tenants/{t}/databases/{d}/collections/{id}/…}): just what
 * {@link ChromaChunkIndex} needs. Creates the tenant, database and collection (cosine space) when missing.
 */
final class ChromaClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String api;

	private final String collectionsPath;

	private final String collection;

	private final String collectionPath;

	ChromaClient(URI url, String tenant, String database, String collection) {
		this.api = url.toString().replaceAll("/+$", "") + "/api/v2";
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
		this.collectionsPath = databasePath + "/collections/";
		this.collection = collection;
		this.collectionPath = collectionsPath + created.get("id").asString();
	}

	/** Deletes the collection with all its records. */
	void dropCollection() {
		send("DELETE", collectionsPath + encode(collection), null, true);
	}

	/** Posts to one of the collection's operations ({@code upsert}, {@code query}, {@code get}, {@code delete}). */
	JsonNode post(String operation, Map<String, ?> body) {
		return send("POST", collectionPath + "/" + operation, body, false);
	}

	private @Nullable JsonNode send(String method, String path, @Nullable Object body, boolean missingIsNull) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
			.timeout(Duration.ofSeconds(60))
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
			throw new IllegalStateException("Chroma at " + api + " is unreachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling Chroma", ex);
		}
		if (missingIsNull && response.statusCode() == 404) {
			return null;
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
