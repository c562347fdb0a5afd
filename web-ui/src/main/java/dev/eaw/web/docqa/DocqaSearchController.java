package dev.eaw.web.docqa;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.docqa.Answer;
import dev.eaw.docqa.AnswerListener;
import dev.eaw.docqa.DocumentFilter;
import dev.eaw.docqa.DocumentSearch;
import dev.eaw.docqa.QuestionAnswering;
import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.SearchMode;
import dev.eaw.docqa.SearchQuery;
import dev.eaw.docqa.SearchResult;
import dev.eaw.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/docqa/collections/{c}")
@Tag(name = "Document Q&A", description = "Collections of documents, ingested in the background, searched and asked")
class DocqaSearchController {

	/** The headers of a degraded search (the body stays the list of hits). */
	static final String DEGRADED = "Eaw-Degraded";

	static final String NOTICE = "Eaw-Notice";

	private final DocumentSearch search;

	private final QuestionAnswering answers;

	DocqaSearchController(DocumentSearch search, QuestionAnswering answers) {
		this.search = search;
		this.answers = answers;
	}

	@GetMapping("/search")
	@Operation(summary = "Search the collection's chunks: BM25, dense or hybrid",
			description = "Ranked chunks with the final score and each retriever's score and rank (null where it did not "
					+ "find the chunk). Filters: document (id), type (pdf, docx, html, markdown, text, png, jpeg, tiff), "
					+ "from and to (ISO dates, inclusive, on the document's upload date in UTC), metadata.<key>=<value> "
					+ "(documents whose metadata holds that pair; several must all hold); mmr=true diversifies the result. "
					+ "While the vector store is not reachable a hybrid search is made with BM25 alone and says so in "
					+ "the headers Eaw-Degraded: true and Eaw-Notice; a dense one is 503.")
	ResponseEntity<List<SearchHit>> search(@PathVariable String c, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "10") int k, @RequestParam(defaultValue = "hybrid") String mode,
			@RequestParam(required = false) @Nullable Long document, @RequestParam(required = false) @Nullable String type,
			@RequestParam(defaultValue = "false") boolean mmr, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam MultiValueMap<String, String> params) {
		SearchResult found = search.find(c, new SearchQuery(q, k, SearchMode.of(mode), mmr, DocumentFilter.of(document,
				type, date("from", from), date("to", to), MetadataParams.of(params))));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (found.notice() != null) {
			response.header(DEGRADED, Boolean.toString(found.degraded())).header(NOTICE, found.notice());
		}
		return response.body(found.hits());
	}

	/** An ISO date (2026-12-31), or 400. */
	private static @Nullable LocalDate date(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("'" + name + "' must be an ISO date such as 2026-12-31, not '" + value + "'.");
		}
	}

	@PostMapping("/ask")
	@Operation(summary = "Answer a question from the collection's documents: {\"question\": \"…\", "
			+ "\"conversationId\"?: \"…\", and Azure On Your Data's options}",
			description = "With an LLM configured (mode 'llm'): written from numbered sources, citing them as [n], "
					+ "with token usage; a follow-up in a conversation is rewritten into a standalone question first "
					+ "(rewrittenQuestion). Without one (mode 'extractive'): the best supporting sentences quoted in "
					+ "document order, each followed by its citation number [n]. Either way \"No answer found in these "
					+ "documents.\" with no citations when the documents do not hold the answer. The answer carries "
					+ "its conversationId (a new one when none was sent) and its intent (what was searched for). "
					+ "Options, named as Azure OpenAI On Your Data names them: top_n_documents (1-20, default 5), "
					+ "strictness (1-5, default 3: 4 and 5 leave out chunks whose cosine similarity to the question is "
					+ "below 0.62 and 0.70; the extractive threshold moves by -0.15, -0.07, 0, +0.07, +0.15), in_scope "
					+ "(default true; false lets the LLM answer from general knowledge, marked grounded: false with a "
					+ "notice), role_information (put before the LLM's system message, at most 2000 characters), "
					+ "query_type (simple = BM25, vector = dense, vector_simple_hybrid = fused, the default; the "
					+ "semantic ones are 400), filter ({\"documents\": [ids], \"types\": [\"pdf\"], \"from\", "
					+ "\"to\": ISO dates, \"metadata\": {\"department\": \"HR\"}} or OData \"metadata/department eq "
					+ "'HR' and type eq 'pdf'\"), include_contexts ([\"citations\", \"intent\", "
					+ "\"all_retrieved_documents\"]: the last lists every retrieved chunk with its scores, used or "
					+ "not, and why). Citations carry content, title, filepath, url and chunk_id. In an outage the "
					+ "answer still comes, with a notice: extractive when the LLM does not answer; with degraded true "
					+ "(BM25 alone) while the vector store is not reachable.")
	Answer ask(@PathVariable String c, @RequestBody(required = false) @Nullable JsonNode body) {
		AskRequest request = AskRequest.of(body);
		return answers.ask(c, request.question(), request.conversationId(), request.options(), AnswerListener.NONE);
	}

}
