package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A source of an answer: {@code number} is the {@code [n]} in the answer's text, {@code snippet} the cited passage.
 * Like Azure OpenAI On Your Data's citations it also carries the chunk's whole text ({@code content}), the document's
 * file name ({@code filepath}), the document's page in this app with the chunk highlighted ({@code url}) and
 * {@code chunk_id}. {@code from} and {@code to} are the character offsets, within the chunk's text, of the quoted
 * sentences (from the first one's start to the last one's end), when the answer quotes sentences; null when it cites
 * the whole chunk.
 */
public record Citation(int number, long documentId, String title, @Nullable Integer page, String snippet,
		double score, long chunkId, String content, String filepath, @Nullable String url, @Nullable Integer from,
		@Nullable Integer to) {

	/** A citation of a whole chunk. */
	public Citation(int number, SearchHit hit, String snippet, double score) {
		this(number, hit, snippet, score, null, null);
	}

	/** A citation of the sentences between {@code from} and {@code to} of the chunk. */
	public Citation(int number, SearchHit hit, String snippet, double score, @Nullable Integer from,
			@Nullable Integer to) {
		this(number, hit.documentId(), hit.title(), hit.page(), snippet, Math.round(score * 1000) / 1000.0,
				hit.chunkId(), hit.text(), hit.fileName(), null, from, to);
	}

	/** The chunk's id as Azure names it, a string. */
	@JsonProperty("chunk_id")
	public String azureChunkId() {
		return Long.toString(chunkId);
	}

	/** The same citation linking to the document's page of the collection (the quoted sentences marked). */
	public Citation in(String collection) {
		String link = RetrievedDocument.url(collection, documentId, chunkId)
				+ (from == null || to == null ? "" : "&from=" + from + "&to=" + to);
		return new Citation(number, documentId, title, page, snippet, score, chunkId, content, filepath, link, from,
				to);
	}

}
