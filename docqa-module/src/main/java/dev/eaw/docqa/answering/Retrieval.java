package dev.eaw.docqa.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.AskOptions;
import dev.eaw.docqa.Citation;
import dev.eaw.docqa.RetrievedDocument;
import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.SearchQuery;
import dev.eaw.docqa.SearchResult;
import dev.eaw.docqa.retrieval.HybridSearch;

/**
 * The chunks a question is answered from. The search (the options' retrievers and filter) returns
 * {@code top_n_documents} + {@value #EXTRA} candidates; in rank order, a candidate whose relevance (cosine of query and
 * chunk) is below the strictness threshold is left out, and the first {@code top_n_documents} of the rest are used.
 * Every candidate can be listed with why it was or was not used.
 */
final class Retrieval {

	/** How many candidates beyond top_n are retrieved, so that those left out can be shown. */
	static final int EXTRA = 5;

	/** The chunks used, best first, and every candidate with its decision (used ones "not cited" until cited). */
	record Result(List<SearchHit> used, List<RetrievedDocument> candidates, @Nullable String notice) {

		/** Whether the search was made with BM25 alone (the vector store was not reachable). */
		boolean degraded() {
			return notice != null;
		}

		/** The candidates, the used ones marked cited or not by the answer's citations; null unless asked for. */
		@Nullable List<RetrievedDocument> contexts(List<Citation> citations, AskOptions options) {
			if (!options.allRetrieved()) {
				return null;
			}
			Set<Long> cited = citations.stream().map(Citation::chunkId).collect(Collectors.toSet());
			return candidates.stream()
				.map(c -> c.used() && cited.contains(c.chunkId()) ? c.because(RetrievedDocument.CITED) : c)
				.toList();
		}

	}

	private Retrieval() {
	}

	static Result retrieve(HybridSearch search, long collectionId, String query, float[] vector, AskOptions options) {
		SearchResult found = search.find(collectionId,
				new SearchQuery(query, options.topN() + EXTRA, options.mode(), false, options.filter()), vector);
		List<SearchHit> hits = found.hits();
		double floor = options.minRelevance();
		boolean strict = floor > -1;
		Map<Long, Double> relevance = strict || options.allRetrieved() ? search.relevance(hits, vector) : Map.of();
		List<SearchHit> used = new ArrayList<>();
		List<RetrievedDocument> candidates = new ArrayList<>();
		for (int i = 0; i < hits.size(); i++) {
			SearchHit hit = hits.get(i);
			Double r = relevance.get(hit.chunkId());
			Double rounded = r == null ? null : Math.round(r * 10000) / 10000.0;
			if (strict && (r == null || r < floor)) {
				candidates.add(new RetrievedDocument(i + 1, hit, rounded, false, RetrievedDocument.BELOW_STRICTNESS, query));
			}
			else if (used.size() >= options.topN()) {
				candidates.add(new RetrievedDocument(i + 1, hit, rounded, false, RetrievedDocument.NOT_IN_TOP_N, query));
			}
			else {
				used.add(hit);
				candidates.add(new RetrievedDocument(i + 1, hit, rounded, true, RetrievedDocument.NOT_CITED, query));
			}
		}
		return new Result(used, candidates, found.notice());
	}

}
