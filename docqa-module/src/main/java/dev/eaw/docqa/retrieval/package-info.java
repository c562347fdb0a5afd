/**
 * Internal: hybrid retrieval. BM25 and dense (cosine) candidates come from the {@link dev.eaw.docqa.index.ChunkIndex};
 * {@link dev.eaw.docqa.retrieval.Fusion} combines them either convexly (each list's scores min-max normalised to
 * [0, 1], a chunk missing from a list scoring 0 there, {@code w·bm25 + (1 − w)·dense}, w = 0.5 by default) or by
 * reciprocal rank fusion ({@code Σ 1 / (60 + rank)}); {@link dev.eaw.docqa.retrieval.Mmr} optionally re-ranks the
 * fused list for diversity (λ = 0.7). Measured on XQuAD (240 paragraphs, 1,190 questions) the convex combination beats
 * both retrievers alone and RRF, hence the default.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.retrieval;
