package dev.eaw.docqa.index;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eaw.docqa.embedding.DocqaEmbedder;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lucene index on disk with the real embedding model: search both ways, filters, deletes, and a reopen. */
class LuceneChunkIndexTests {

	static final DocqaEmbedder EMBEDDER = new DocqaEmbedder();

	@TempDir
	Path dir;

	static ChunkIndex.Entry entry(long chunk, long document, long collection, String text) {
		return new ChunkIndex.Entry(chunk, document, collection, "text", text, EMBEDDER.embed(text));
	}

	@Test
	void chunksAreFoundByTextAndVectorAfterTheIndexIsReopened() {
		try (LuceneChunkIndex index = new LuceneChunkIndex(dir)) {
			index.add(List.of(entry(1, 10, 1, "The warranty covers the espresso machine for two years."),
					entry(2, 10, 1, "Descale the boiler every month with citric acid."),
					entry(3, 11, 1, "Our office in Lisbon opens at nine in the morning."),
					entry(4, 12, 2, "The warranty of the grinder lasts five years.")));
		}
		try (LuceneChunkIndex index = new LuceneChunkIndex(dir)) {
			List<ChunkIndex.Hit> text = index.searchText("How long is the warranty?", ChunkIndex.Filter.collection(1), 10);
			assertThat(text).extracting(ChunkIndex.Hit::chunkId).containsExactly(1L);
			List<ChunkIndex.Hit> dense = index.searchVector(EMBEDDER.embed("cleaning the boiler with acid"),
					ChunkIndex.Filter.collection(1), 3);
			assertThat(dense.get(0).chunkId()).isEqualTo(2L);
			assertThat(dense.get(0).score()).isBetween(0.5, 1.0);
			assertThat(index.searchText("warranty", new ChunkIndex.Filter(1, 11L, null), 10)).isEmpty();
			assertThat(index.vectors(List.of(1L, 3L))).containsOnlyKeys(1L, 3L);
			assertThat(index.termWeights("the warranty")).containsOnlyKeys("warranti");

			index.deleteDocument(10);
			assertThat(index.count(10)).isZero();
			assertThat(index.searchText("warranty boiler", ChunkIndex.Filter.collection(1), 10)).isEmpty();
			index.deleteCollection(2);
			assertThat(index.searchText("warranty", ChunkIndex.Filter.collection(2), 10)).isEmpty();
		}
		try (LuceneChunkIndex index = new LuceneChunkIndex(dir)) {
			assertThat(index.searchText("Lisbon office", ChunkIndex.Filter.collection(1), 10))
				.extracting(ChunkIndex.Hit::chunkId)
				.containsExactly(3L);
		}
	}

}
