package dev.eaw.docqa.index;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eaw.docqa.embedding.DocqaEmbedder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retrieval suite every {@link ChunkIndex} must pass, with the real embedding model: text and vector search,
 * filters, deletes of a document and of a collection, and a reopen. One subclass per store.
 */
abstract class ChunkIndexContractTests {

	static final DocqaEmbedder EMBEDDER = new DocqaEmbedder();

	@TempDir
	Path dir;

	/** Opens the store; a second call (after the first index is closed) reopens the same one. */
	abstract ChunkIndex open(Path dir);

	static ChunkIndex.Entry entry(long chunk, long document, long collection, String type, String text) {
		return new ChunkIndex.Entry(chunk, document, collection, type, 1, text, EMBEDDER.embed(text));
	}

	@BeforeEach
	void addChunks() {
		try (ChunkIndex index = open(dir)) {
			index.add(List.of(entry(1, 10, 1, "pdf", "The warranty covers the espresso machine for two years."),
					entry(2, 10, 1, "pdf", "Descale the boiler every month with citric acid."),
					entry(3, 11, 1, "markdown", "Our office in Lisbon opens at nine in the morning."),
					entry(4, 12, 2, "pdf", "The warranty of the grinder lasts five years.")));
		}
	}

	@Test
	void searchesTextWithBm25() {
		try (ChunkIndex index = open(dir)) {
			assertThat(index.searchText("How long is the warranty?", ChunkIndex.Filter.collection(1), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(1L);
			assertThat(index.termWeights("the warranty")).containsOnlyKeys("warranti");
			assertThat(index.count(10)).isEqualTo(2);
		}
	}

	@Test
	void searchesVectorsByCosineSimilarity() {
		try (ChunkIndex index = open(dir)) {
			List<ChunkIndex.Hit> dense = index.searchVector(EMBEDDER.embed("cleaning the boiler with acid"),
					ChunkIndex.Filter.collection(1), 3);
			assertThat(dense).extracting(ChunkIndex.Hit::chunkId).containsExactlyInAnyOrder(1L, 2L, 3L);
			assertThat(dense.get(0).chunkId()).isEqualTo(2L);
			assertThat(dense.get(0).documentId()).isEqualTo(10L);
			assertThat(dense.get(0).score()).isBetween(0.5, 1.0);
			assertThat(dense.get(0).score()).isGreaterThan(dense.get(1).score());
			assertThat(index.vectors(List.of(1L, 3L, 99L))).containsOnlyKeys(1L, 3L);
			float[] stored = index.vectors(List.of(2L)).get(2L);
			assertThat(stored).containsExactly(EMBEDDER.embed("Descale the boiler every month with citric acid."),
					org.assertj.core.data.Offset.offset(1e-5f));
		}
	}

	@Test
	void filtersByCollectionDocumentAndType() {
		try (ChunkIndex index = open(dir)) {
			float[] warranty = EMBEDDER.embed("warranty");
			assertThat(index.searchText("warranty", new ChunkIndex.Filter(1, 11L, null), 10)).isEmpty();
			assertThat(index.searchText("warranty", ChunkIndex.Filter.collection(2), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(4L);
			assertThat(index.searchVector(warranty, ChunkIndex.Filter.collection(2), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(4L);
			assertThat(index.searchVector(warranty, new ChunkIndex.Filter(1, 10L, null), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactlyInAnyOrder(1L, 2L);
			assertThat(index.searchVector(warranty, new ChunkIndex.Filter(1, null, "markdown"), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(3L);
			assertThat(index.searchText("Lisbon warranty", new ChunkIndex.Filter(1, null, "markdown"), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(3L);
		}
	}

	@Test
	void deletingADocumentRemovesItsTextAndVectors() {
		try (ChunkIndex index = open(dir)) {
			index.deleteDocument(10);
			assertThat(index.count(10)).isZero();
			assertThat(index.searchText("warranty boiler", ChunkIndex.Filter.collection(1), 10)).isEmpty();
			assertThat(index.searchVector(EMBEDDER.embed("boiler"), ChunkIndex.Filter.collection(1), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(3L);
			assertThat(index.vectors(List.of(1L, 2L))).isEmpty();
		}
	}

	@Test
	void deletingACollectionRemovesItsTextAndVectors() {
		try (ChunkIndex index = open(dir)) {
			index.deleteCollection(2);
			assertThat(index.searchText("warranty", ChunkIndex.Filter.collection(2), 10)).isEmpty();
			assertThat(index.searchVector(EMBEDDER.embed("warranty"), ChunkIndex.Filter.collection(2), 10)).isEmpty();
			assertThat(index.searchVector(EMBEDDER.embed("warranty"), ChunkIndex.Filter.collection(1), 10)).hasSize(3);
		}
	}

	@Test
	void changesSurviveAReopen() {
		try (ChunkIndex index = open(dir)) {
			index.deleteDocument(10);
			index.add(List.of(entry(2, 10, 1, "pdf", "Descale the boiler every month with citric acid.")));
		}
		try (ChunkIndex index = open(dir)) {
			assertThat(index.searchText("Lisbon office", ChunkIndex.Filter.collection(1), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(3L);
			assertThat(index.searchVector(EMBEDDER.embed("boiler acid"), ChunkIndex.Filter.collection(1), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(2L, 3L);
			assertThat(index.count(10)).isEqualTo(1);
		}
	}

}
