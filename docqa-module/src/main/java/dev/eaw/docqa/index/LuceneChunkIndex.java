package dev.eaw.docqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded {@link ChunkIndex}: one Lucene index on local disk (see the package notes). {@link #textOnly(Path)}
 * opens it without vectors, as the BM25 half of {@link ChromaChunkIndex}.
 */
public final class LuceneChunkIndex implements ChunkIndex {

	private static final String CHUNK = "chunk";

	private static final String DOCUMENT = "document";

	private static final String COLLECTION = "collection";

	private static final String TYPE = "type";

	private static final String TEXT = "text";

	private static final String VECTOR = "vector";

	private final Analyzer analyzer;

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final boolean withVectors;

	public LuceneChunkIndex(Path dir) {
		this(dir, new EnglishAnalyzer());
	}

	public LuceneChunkIndex(Path dir, Analyzer analyzer) {
		this(dir, analyzer, true);
	}

	/** An index of text only: vectors are not stored, and vector searches find nothing. */
	public static LuceneChunkIndex textOnly(Path dir) {
		return new LuceneChunkIndex(dir, new EnglishAnalyzer(), false);
	}

	private LuceneChunkIndex(Path dir, Analyzer analyzer, boolean withVectors) {
		this.analyzer = analyzer;
		this.withVectors = withVectors;
		try {
			Files.createDirectories(dir);
			this.directory = FSDirectory.open(dir);
			IndexWriterConfig config = new IndexWriterConfig(analyzer);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index in " + dir, ex);
		}
	}

	@Override
	public void add(List<Entry> entries) {
		change(() -> {
			for (Entry entry : entries) {
				Document doc = new Document();
				doc.add(new StringField(CHUNK, Long.toString(entry.chunkId()), Field.Store.YES));
				doc.add(new StringField(DOCUMENT, Long.toString(entry.documentId()), Field.Store.YES));
				doc.add(new StringField(COLLECTION, Long.toString(entry.collectionId()), Field.Store.NO));
				doc.add(new StringField(TYPE, entry.type(), Field.Store.NO));
				doc.add(new TextField(TEXT, entry.text(), Field.Store.NO));
				if (withVectors) {
					doc.add(new KnnFloatVectorField(VECTOR, entry.vector(), VectorSimilarityFunction.COSINE));
				}
				writer.updateDocument(new Term(CHUNK, Long.toString(entry.chunkId())), doc);
			}
		});
	}

	@Override
	public void deleteDocument(long documentId) {
		change(() -> writer.deleteDocuments(new Term(DOCUMENT, Long.toString(documentId))));
	}

	@Override
	public void deleteCollection(long collectionId) {
		change(() -> writer.deleteDocuments(new Term(COLLECTION, Long.toString(collectionId))));
	}

	private interface Change {

		void apply() throws IOException;

	}

	private synchronized void change(Change change) {
		try {
			change.apply();
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<Hit> searchText(String query, Filter filter, int n) {
		List<String> terms = terms(query);
		if (terms.isEmpty()) {
			return List.of();
		}
		BooleanQuery.Builder text = new BooleanQuery.Builder();
		for (String term : terms) {
			text.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
		}
		BooleanQuery.Builder query2 = new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST);
		query2.add(filter(filter), BooleanClause.Occur.FILTER);
		return search(query2.build(), n, false);
	}

	@Override
	public List<Hit> searchVector(float[] vector, Filter filter, int n) {
		if (!withVectors) {
			return List.of();
		}
		return search(new KnnFloatVectorQuery(VECTOR, vector, n, filter(filter)), n, true);
	}

	private static Query filter(Filter filter) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(COLLECTION, Long.toString(filter.collectionId()))), BooleanClause.Occur.FILTER);
		if (filter.documentId() != null) {
			builder.add(new TermQuery(new Term(DOCUMENT, Long.toString(filter.documentId()))), BooleanClause.Occur.FILTER);
		}
		if (filter.type() != null) {
			builder.add(new TermQuery(new Term(TYPE, filter.type())), BooleanClause.Occur.FILTER);
		}
		if (filter.documentIds() != null) {
			builder.add(filter.documentIds().isEmpty() ? new MatchNoDocsQuery()
					: new TermInSetQuery(DOCUMENT,
							filter.documentIds().stream().map(id -> new BytesRef(Long.toString(id))).toList()),
					BooleanClause.Occur.FILTER);
		}
		return builder.build();
	}

	private interface Read<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	/** Runs a read on the current searcher. */
	private <T> T read(Read<T> read) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return read.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Hit> search(Query query, int n, boolean cosine) {
		return read(searcher -> {
			TopDocs top = searcher.search(query, Math.max(1, n));
			List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
			for (ScoreDoc score : top.scoreDocs) {
				Document doc = searcher.storedFields().document(score.doc);
				// Lucene scores cosine as (1 + cos) / 2
				double value = cosine ? 2 * score.score - 1 : score.score;
				hits.add(new Hit(Long.parseLong(doc.get(CHUNK)), Long.parseLong(doc.get(DOCUMENT)), value));
			}
			return hits;
		});
	}

	@Override
	public Map<Long, float[]> vectors(Collection<Long> chunkIds) {
		if (chunkIds.isEmpty() || !withVectors) {
			return Map.of();
		}
		List<BytesRef> ids = chunkIds.stream().map(id -> new BytesRef(Long.toString(id))).toList();
		return read(searcher -> {
			Map<Long, float[]> vectors = new HashMap<>();
			TopDocs top = searcher.search(new TermInSetQuery(CHUNK, ids), ids.size());
			for (ScoreDoc score : top.scoreDocs) {
				long chunkId = Long.parseLong(searcher.storedFields().document(score.doc).get(CHUNK));
				List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
				LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(score.doc, leaves));
				FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
				if (values != null && values.advance(score.doc - leaf.docBase) == score.doc - leaf.docBase) {
					vectors.put(chunkId, values.vectorValue().clone());
				}
			}
			return vectors;
		});
	}

	@Override
	public Map<String, Double> termWeights(String text) {
		List<String> terms = terms(text);
		return read(searcher -> {
			Map<String, Double> weights = new LinkedHashMap<>();
			IndexReader reader = searcher.getIndexReader();
			double total = Math.max(1, reader.numDocs());
			for (String term : terms) {
				double n = reader.docFreq(new Term(TEXT, term));
				weights.putIfAbsent(term, Math.log(1 + (total - n + 0.5) / (n + 0.5)));
			}
			return weights;
		});
	}

	@Override
	public List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	@Override
	public int count(long documentId) {
		return read(searcher -> searcher.count(new TermQuery(new Term(DOCUMENT, Long.toString(documentId)))));
	}

	@Override
	public synchronized void close() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
