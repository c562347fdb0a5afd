package dev.eaw.docqa.index;

import java.nio.file.Path;

/** The retrieval contract against the embedded Lucene index (BM25 and HNSW vectors on local disk). */
class LuceneChunkIndexTests extends ChunkIndexContractTests {

	@Override
	ChunkIndex open(Path dir) {
		return new LuceneChunkIndex(dir);
	}

}
