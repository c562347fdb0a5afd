/**
 * Internal: the search index behind one interface, {@link dev.eaw.docqa.index.ChunkIndex} (BM25 text search and
 * nearest-neighbour vector search over chunks, with filters), so that another store (Chroma) can take its place.
 *
 * <p>{@link dev.eaw.docqa.index.LuceneChunkIndex} is the embedded default: <b>one</b> Lucene index on local disk for
 * all collections, each chunk a Lucene document with a {@code collection} keyword field that every query filters on.
 * One index rather than one per collection because it is one writer, one searcher and one set of files to manage;
 * a collection is deleted by a term, and BM25's statistics (document frequencies) are shared by all collections,
 * which matters little next to what fusion with dense scores does. Text is analysed with Lucene's
 * {@code EnglishAnalyzer} (stop words, Porter stemming), vectors are {@code KnnFloatVectorField}s (HNSW, cosine) of
 * normalised embeddings. Every change is committed and the searcher refreshed, so the index survives a restart.
 *
 * <p>{@link dev.eaw.docqa.index.ChromaChunkIndex} ({@code eaw.docqa.vector-store=chroma}) keeps the dense vectors in a
 * Chroma server (API v2, {@link dev.eaw.docqa.index.ChromaClient}) and BM25 in the same local Lucene index opened
 * text-only. BM25 stays in Lucene rather than PostgreSQL full-text search because fusion and the extractive answers
 * depend on BM25's scores and IDF term weights with this analyser: PostgreSQL's {@code ts_rank} is not BM25, so
 * switching the vector store would also change the text scores and the tuned fusion. The vectors of all collections
 * share <b>one</b> Chroma collection with {@code collection}, {@code document}, {@code type} and {@code page}
 * metadata (record id = chunk id), like the one Lucene index: {@code vectors(ids)} is one {@code get} and deletes are
 * a {@code delete} with a {@code where} on that metadata.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.index;
