package dev.eaw.web.docqa;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.docqa.Answer;
import dev.eaw.docqa.AnswerListener;
import dev.eaw.docqa.QuestionAnswering;
import dev.eaw.docqa.SearchHit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming variant of {@code …/ask}: server-sent events written straight to the response as the answer is made,
 * in the request's own thread (no reactive stack): {@code retrieval}, {@code token}…, {@code citations}, {@code done},
 * or {@code error} with a problem detail. Every event's data is one line of JSON.
 */
@RestController
@RequestMapping("/api/docqa/collections/{c}")
@Tag(name = "Document Q&A", description = "Collections of documents, ingested in the background, searched and asked")
class DocqaStreamController {

	private static final Logger log = LoggerFactory.getLogger(DocqaStreamController.class);

	/** A token: up to three words with the spaces before them, so that the tokens join back to the text. */
	private static final Pattern WORDS = Pattern.compile("\\s*\\S+(?:\\s+\\S+){0,2}");

	private final QuestionAnswering answers;

	private final JsonMapper json;

	DocqaStreamController(QuestionAnswering answers, JsonMapper json) {
		this.answers = answers;
		this.json = json;
	}

	@PostMapping(path = "/ask/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Answer a question as server-sent events: {\"question\": \"…\", \"conversationId\"?: \"…\"}",
			description = "Events: 'retrieval' (the retrieved chunks with BM25 and dense scores and ranks), 'token' "
					+ "({\"text\"}, pieces of the answer in order; joined they are the answer of …/ask), 'citations', "
					+ "'done' ({\"mode\", \"latencyMs\", \"conversationId\", \"intent\", \"grounded\", and with an "
					+ "LLM \"usage\" and, for a follow-up, \"rewrittenQuestion\"; \"notice\" for an answer from general "
					+ "knowledge, \"all_retrieved_documents\" when include_contexts asks for them}); 'error' with a "
					+ "problem detail instead. With an LLM the tokens are the model's own, as it streams them. Takes the "
					+ "same options as …/ask. In an outage 'done' also has \"notice\" and \"degraded\"; if the model "
					+ "fails, a 'notice' event ({\"notice\"}) says so and the tokens after it are an extractive answer that "
					+ "replaces any streamed before it.")
	void stream(@PathVariable String c, @RequestBody(required = false) @Nullable JsonNode body,
			HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("X-Accel-Buffering", "no");
		Events events = new Events(response);
		try {
			AskRequest ask = AskRequest.of(body);
			Answer answer = answers.ask(c, ask.question(), ask.conversationId(), ask.options(), new AnswerListener() {
				@Override
				public void retrieved(List<SearchHit> hits) {
					events.send("retrieval", hits);
				}

				@Override
				public void text(String piece) {
					for (String token : tokens(piece)) {
						events.send("token", Map.of("text", token));
					}
				}

				@Override
				public void token(String token) {
					events.send("token", Map.of("text", token));
				}

				@Override
				public void notice(String notice) {
					events.send("notice", Map.of("notice", notice));
				}

				@Override
				public boolean streaming() {
					return true;
				}
			});
			events.send("citations", answer.citations());
			Map<String, Object> done = new LinkedHashMap<>();
			done.put("mode", answer.mode());
			done.put("latencyMs", answer.latencyMs());
			done.put("conversationId", answer.conversationId());
			if (answer.usage() != null) {
				done.put("usage", answer.usage());
			}
			if (answer.rewrittenQuestion() != null) {
				done.put("rewrittenQuestion", answer.rewrittenQuestion());
			}
			done.put("intent", answer.intent());
			done.put("grounded", answer.grounded());
			if (answer.notice() != null) {
				done.put("notice", answer.notice());
				done.put("degraded", answer.degraded());
			}
			if (answer.allRetrievedDocuments() != null) {
				done.put("all_retrieved_documents", answer.allRetrievedDocuments());
			}
			events.send("done", done);
		}
		catch (ErrorResponseException ex) {
			events.fail(ex.getStatusCode().value(), ex.getBody(), request);
		}
		catch (EventsClosed ex) {
			log.debug("The client left a streamed answer", ex);
		}
		catch (RuntimeException ex) {
			log.error("A streamed answer failed", ex);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The server failed; the log has the details.");
			problem.setTitle("Internal Server Error");
			events.fail(500, problem, request);
		}
	}

	/** The piece in groups of up to three words, spaces kept: joined, they are the piece again. */
	static List<String> tokens(String piece) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = WORDS.matcher(piece);
		int end = 0;
		while (matcher.find()) {
			tokens.add(piece.substring(end, matcher.end()));
			end = matcher.end();
		}
		if (end < piece.length()) {
			tokens.add(piece.substring(end));
		}
		return tokens;
	}

	/** A client that went away while the answer streamed. */
	static final class EventsClosed extends RuntimeException {

		EventsClosed(IOException cause) {
			super(cause);
		}

	}

	/** Writes one event at a time and flushes it at once. */
	private final class Events {

		private final HttpServletResponse response;

		Events(HttpServletResponse response) {
			this.response = response;
		}

		void send(String name, Object data) {
			try {
				OutputStream out = response.getOutputStream();
				out.write(("event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			catch (IOException ex) {
				throw new EventsClosed(ex);
			}
		}

		void fail(int status, ProblemDetail problem, HttpServletRequest request) {
			if (!response.isCommitted()) {
				response.setStatus(status);
			}
			if (problem.getInstance() == null) {
				problem.setInstance(java.net.URI.create(request.getRequestURI()));
			}
			try {
				send("error", problem);
			}
			catch (EventsClosed ex) {
				log.debug("The client left before the error", ex);
			}
		}

	}

}
