package dev.eaw.docqa.index;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrieval contract against a real Chroma server (vectors) with the local Lucene text index (BM25). The server
 * is {@code EAW_CHROMA_URL} (environment or system property; {@code .ci/run} starts one). Without it the tests are
 * skipped with a message, except under {@code CI=true}, where they fail.
 */
class ChromaChunkIndexTests extends ChunkIndexContractTests {

	static final String NO_SERVER = "no Chroma server: set EAW_CHROMA_URL (e.g. http://127.0.0.1:8000, see the README)"
			+ " to run the Chroma contract tests";

	static @Nullable URI url;

	/** A collection of its own for each test, dropped afterwards. */
	final String collection = "eaw-test-" + UUID.randomUUID();

	@BeforeAll
	static void chromaServer() {
		url = chromaUrl();
	}

	/** {@code EAW_CHROMA_URL}, or null; fails without it under {@code CI=true}. */
	static @Nullable URI chromaUrl() {
		String value = System.getProperty("EAW_CHROMA_URL", System.getenv("EAW_CHROMA_URL"));
		if (value == null || value.isBlank()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(NO_SERVER + " (CI=true: they must run in CI)");
			}
			return null;
		}
		return URI.create(value);
	}

	/** Opens the store; without a server, skips the test (each test opens the store first). */
	@Override
	ChunkIndex open(Path dir) {
		URI url = ChromaChunkIndexTests.url;
		if (url == null) {
			Assumptions.abort(NO_SERVER);
		}
		return new ChromaChunkIndex(dir, url, "default_tenant", "default_database", collection);
	}

	@AfterEach
	void dropCollection(@TempDir Path scratch) {
		if (url == null) {
			return;
		}
		try (ChromaChunkIndex index = (ChromaChunkIndex) open(scratch)) {
			index.dropVectors();
		}
	}

}
