package dev.eaw.docqa.index;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The {@link ChunkIndex} for a Chroma server: dense vectors in one Chroma collection (cosine space), BM25 in a local
 * Lucene text index (see the package notes for both choices). Each chunk is a Chroma record whose id is the chunk id,
 * with metadata {@code collection}, {@code document}, {@code type} and {@code page} (when known).
 */
public final class ChromaChunkIndex implements ChunkIndex {

	private static final int BATCH = 500;

	private final LuceneChunkIndex text;

	private final ChromaClient chroma;

	/**
	 * @param textDir the directory of the local Lucene text index
	 * @param url Chroma's base URL, e.g. {@code http://localhost:8000}
	 * @param tenant the Chroma tenant ({@code default_tenant})
	 * @param database the Chroma database ({@code default_database})
	 * @param collection the Chroma collection that holds the vectors of all Document Q&amp;A collections
	 */
	public ChromaChunkIndex(Path textDir, URI url, String tenant, String database, String collection) {
		this(textDir, url, tenant, database, collection, Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	/**
	 * The same with the timeouts of each call to Chroma: past them the call is
	 * {@link dev.eaw.docqa.VectorStoreUnavailable}.
	 */
	public ChromaChunkIndex(Path textDir, URI url, String tenant, String database, String collection,
			Duration connectTimeout, Duration readTimeout) {
		this.chroma = new ChromaClient(url, tenant, database, collection, connectTimeout, readTimeout);
		this.text = LuceneChunkIndex.textOnly(textDir);
	}

	@Override
	public @Nullable String unavailable() {
		return chroma.unavailable();
	}

	@Override
	public void add(List<Entry> entries) {
		for (int from = 0; from < entries.size(); from += BATCH) {
			List<Entry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
			List<String> ids = new ArrayList<>(batch.size());
			List<float[]> vectors = new ArrayList<>(batch.size());
			List<Map<String, Object>> metadatas = new ArrayList<>(batch.size());
			for (Entry entry : batch) {
				ids.add(Long.toString(entry.chunkId()));
				vectors.add(entry.vector());
				Map<String, Object> metadata = new LinkedHashMap<>();
				metadata.put("collection", entry.collectionId());
				metadata.put("document", entry.documentId());
				metadata.put("type", entry.type());
				if (entry.page() != null) {
					metadata.put("page", entry.page());
				}
				metadatas.add(metadata);
			}
			chroma.post("upsert", Map.of("ids", ids, "embeddings", vectors, "metadatas", metadatas));
		}
		text.add(entries);
	}

	@Override
	public void deleteDocument(long documentId) {
		chroma.post("delete", Map.of("where", Map.of("document", Map.of("$eq", documentId))));
		text.deleteDocument(documentId);
	}

	@Override
	public void deleteCollection(long collectionId) {
		chroma.post("delete", Map.of("where", Map.of("collection", Map.of("$eq", collectionId))));
		text.deleteCollection(collectionId);
	}

	@Override
	public List<Hit> searchText(String query, Filter filter, int n) {
		return text.searchText(query, filter, n);
	}

	@Override
	public List<Hit> searchVector(float[] vector, Filter filter, int n) {
		if (filter.documentIds() != null && filter.documentIds().isEmpty()) {
			return List.of();
		}
		JsonNode found = chroma.post("query", Map.of("query_embeddings", List.of(vector), "n_results", Math.max(1, n),
				"where", where(filter), "include", List.of("distances", "metadatas")));
		JsonNode ids = found.get("ids").get(0);
		JsonNode distances = found.get("distances").get(0);
		JsonNode metadatas = found.get("metadatas").get(0);
		List<Hit> hits = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			// Chroma's cosine distance is 1 - cosine similarity
			hits.add(new Hit(Long.parseLong(ids.get(i).asString()), metadatas.get(i).get("document").asLong(),
					1 - distances.get(i).asDouble()));
		}
		return hits;
	}

	/** Chroma's {@code where}: one condition as is, several under {@code $and}. */
	private static Map<String, Object> where(Filter filter) {
		List<Map<String, Object>> conditions = new ArrayList<>();
		conditions.add(Map.of("collection", Map.of("$eq", filter.collectionId())));
		if (filter.documentId() != null) {
			conditions.add(Map.of("document", Map.of("$eq", filter.documentId())));
		}
		if (filter.type() != null) {
			conditions.add(Map.of("type", Map.of("$eq", filter.type())));
		}
		if (filter.documentIds() != null) {
			conditions.add(Map.of("document", Map.of("$in", List.copyOf(filter.documentIds()))));
		}
		return conditions.size() == 1 ? conditions.get(0) : Map.of("$and", conditions);
	}

	@Override
	public Map<Long, float[]> vectors(Collection<Long> chunkIds) {
		if (chunkIds.isEmpty()) {
			return Map.of();
		}
		JsonNode found = chroma.post("get", Map.of("ids", chunkIds.stream().map(String::valueOf).toList(), "include",
				List.of("embeddings")));
		Map<Long, float[]> vectors = new HashMap<>();
		JsonNode ids = found.get("ids");
		JsonNode embeddings = found.get("embeddings");
		for (int i = 0; i < ids.size(); i++) {
			JsonNode embedding = embeddings.get(i);
			float[] vector = new float[embedding.size()];
			for (int j = 0; j < vector.length; j++) {
				vector[j] = (float) embedding.get(j).asDouble();
			}
			vectors.put(Long.parseLong(ids.get(i).asString()), vector);
		}
		return vectors;
	}

	@Override
	public Map<String, Double> termWeights(String query) {
		return text.termWeights(query);
	}

	@Override
	public List<String> terms(String query) {
		return text.terms(query);
	}

	@Override
	public int count(long documentId) {
		return text.count(documentId);
	}

	/** Deletes the Chroma collection (tests clean up with it). */
	void dropVectors() {
		chroma.dropCollection();
	}

	@Override
	public void close() {
		text.close();
	}

}
