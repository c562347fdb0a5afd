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
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.index;
