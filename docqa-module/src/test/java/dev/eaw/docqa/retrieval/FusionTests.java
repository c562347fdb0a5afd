package dev.eaw.docqa.retrieval;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.eaw.docqa.index.ChunkIndex.Hit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FusionTests {

	List<Hit> bm25 = List.of(new Hit(1, 1, 12.0), new Hit(2, 1, 8.0), new Hit(3, 1, 2.0));

	List<Hit> dense = List.of(new Hit(2, 1, 0.9), new Hit(4, 1, 0.8), new Hit(1, 1, 0.5));

	@Test
	void convexCombinesMinMaxNormalisedScores() {
		List<Fusion.Fused> fused = new Fusion(Fusion.Method.CONVEX, 0.5).fuse(bm25, dense);
		assertThat(fused).extracting(Fusion.Fused::chunkId).containsExactly(2L, 1L, 4L, 3L);
		assertThat(fused.get(0).score()).isCloseTo(0.5 * 0.6 + 0.5 * 1.0, within(1e-9));
		assertThat(fused.get(0).bm25Rank()).isEqualTo(2);
		assertThat(fused.get(0).denseRank()).isEqualTo(1);
		assertThat(fused.get(2).bm25()).isNull();
	}

	@Test
	void rrfSumsReciprocalRanks() {
		List<Fusion.Fused> fused = new Fusion(Fusion.Method.RRF, 0.5).fuse(bm25, dense);
		assertThat(fused.get(0).chunkId()).isIn(1L, 2L);
		assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-9));
	}

}
