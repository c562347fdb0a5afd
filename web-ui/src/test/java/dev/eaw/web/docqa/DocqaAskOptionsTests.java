package dev.eaw.web.docqa;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request options of Azure OpenAI "On Your Data" on {@code …/ask} and {@code …/ask/stream}, and document metadata,
 * without an LLM (extractive answers). Reference: Azure OpenAI On Your Data API reference,
 * https://learn.microsoft.com/en-us/azure/ai-services/openai/references/on-your-data, and its Azure AI Search data
 * source, https://learn.microsoft.com/en-us/azure/ai-services/openai/references/azure-search ({@code top_n_documents},
 * {@code strictness}, {@code in_scope}, {@code role_information}, {@code query_type}, {@code filter},
 * {@code include_contexts}; citations with {@code content}, {@code title}, {@code filepath}, {@code url},
 * {@code chunk_id}; {@code intent}; {@code all_retrieved_documents}).
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocqaAskOptionsTests {

	static final String BASE = "/api/docqa/collections/azure-options";

	static final String LEAVE = "# Annual leave\n\nEvery employee receives twenty-eight days of paid annual leave per "
			+ "year. Unused leave days expire at the end of March.\n";

	@LocalServerPort
	int port;

	final Map<String, Long> ids = new HashMap<>();

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void uploadDocumentsWithMetadata() {
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"azure-options\"}").statusCode())
			.isEqualTo(201);
		Map<String, byte[]> hr = new LinkedHashMap<>();
		hr.put("leave.md", utf8(LEAVE));
		hr.put("parental.md", utf8("# Parental leave\n\nParents may take sixteen weeks of paid parental leave after "
				+ "the birth or adoption of a child.\n"));
		upload(hr, Map.of("metadata.department", "HR", "metadata.owner", "people-team"));
		Map<String, byte[]> it = new LinkedHashMap<>();
		it.put("laptops.md", utf8("# Laptops\n\nEvery employee receives a laptop with thirty-two gigabytes of "
				+ "memory. Laptops are replaced every three years.\n"));
		it.put("passwords.md", utf8("# Passwords\n\nPasswords must be changed every ninety days and have at least "
				+ "fourteen characters.\n"));
		upload(it, Map.of("metadata", "{\"department\": \"IT\", \"region\": \"EU\"}"));
		Map<String, byte[]> other = new LinkedHashMap<>();
		other.put("canteen.pdf", DocqaFixtures.pdf(List.of(List.of("Canteen", "",
				"The canteen serves vegetarian lasagne every Wednesday at lunch time."))));
		other.put("parking.md", utf8("# Parking\n\nThe staff car park behind building C has forty spaces for "
				+ "electric cars.\n"));
		other.put("library.md", utf8("# Library\n\nThe company library lends out books on software engineering "
				+ "for four weeks.\n"));
		other.put("garden.md", utf8("# Roof garden\n\nThe roof garden on the fifth floor opens at noon in the "
				+ "summer months.\n"));
		upload(other, Map.of());
		awaitReady(admin(), BASE, 8);
	}

	private void upload(Map<String, byte[]> files, Map<String, String> fields) {
		HttpResponse<String> response = admin().uploadFiles(BASE + "/documents", files, fields);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		for (JsonNode outcome : Http.json(response)) {
			assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("queued");
			ids.put(outcome.path("fileName").asString(), outcome.path("id").asLong());
		}
	}

	/** Waits until the collection at {@code base} holds {@code count} documents, all ready. */
	static void awaitReady(Http admin, String base, int count) {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode documents = Http.json(admin.get(base + "/documents"));
			boolean ready = documents.size() == count;
			for (JsonNode document : documents) {
				ready &= document.path("status").asString().equals("ready");
			}
			if (ready) {
				return;
			}
			DocqaApiTests.sleep(200);
		}
		throw new AssertionError("ingestion did not finish: " + admin.get(base + "/documents").body());
	}

	JsonNode ask(String json) {
		HttpResponse<String> response = admin().postJson(BASE + "/ask", json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	static Set<Long> documents(JsonNode list) {
		return list.valueStream().map(c -> c.path("documentId").asLong()).collect(Collectors.toSet());
	}

	static List<String> reasons(JsonNode contexts) {
		return contexts.valueStream().map(c -> c.path("reason").asString()).toList();
	}

	@Test
	void citationsCarryAzuresFieldsAndTheAnswerItsIntent() {
		JsonNode answer = ask("{\"question\": \"How many days of paid annual leave does an employee receive?\"}");
		assertThat(answer.path("answer").asString()).contains("twenty-eight days", "[1]");
		JsonNode citation = answer.path("citations").get(0);
		assertThat(citation.path("documentId").asLong()).isEqualTo(ids.get("leave.md"));
		assertThat(citation.path("content").asString()).contains("Unused leave days expire at the end of March.");
		assertThat(citation.path("title").asString()).isEqualTo("leave");
		assertThat(citation.path("filepath").asString()).isEqualTo("leave.md");
		// the document page with the chunk, and the quoted sentences of an extractive answer marked
		assertThat(citation.path("url").asString()).isEqualTo("/docqa/azure-options/documents/" + ids.get("leave.md")
				+ "?chunk=" + citation.path("chunkId").asLong() + "&from=" + citation.path("from").asInt() + "&to="
				+ citation.path("to").asInt());
		assertThat(citation.path("chunk_id").asString()).isEqualTo(Long.toString(citation.path("chunkId").asLong()));
		assertThat(answer.path("intent").asString())
			.isEqualTo("How many days of paid annual leave does an employee receive?");
		assertThat(answer.path("grounded").asBoolean()).isTrue();
		assertThat(answer.has("all_retrieved_documents")).isFalse();
		HttpResponse<String> page = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD).page(citation.path("url").asString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("leave.md", "department=HR", "chunk-" + citation.path("chunkId").asLong(),
				"<mark class=\"cited\">");
	}

	@Test
	void includeContextsListsEveryRetrievedChunkWithItsScoresAndWhy() {
		JsonNode answer = ask("{\"question\": \"How many days of paid annual leave does an employee receive?\", "
				+ "\"top_n_documents\": 2, \"include_contexts\": [\"citations\", \"intent\", \"all_retrieved_documents\"]}");
		JsonNode contexts = answer.path("all_retrieved_documents");
		assertThat(contexts.size()).isEqualTo(2 + 5);
		assertThat(reasons(contexts).subList(0, 2)).containsExactlyInAnyOrder("cited", "not cited");
		assertThat(reasons(contexts).subList(2, 7)).containsOnly("not in top_n");
		JsonNode first = contexts.get(0);
		assertThat(first.path("used").asBoolean()).isTrue();
		assertThat(first.path("rank").asInt()).isEqualTo(1);
		assertThat(first.path("documentId").asLong()).isEqualTo(ids.get("leave.md"));
		assertThat(first.path("bm25Score").asDouble()).isPositive();
		assertThat(first.path("bm25Rank").asInt()).isEqualTo(1);
		assertThat(first.path("denseScore").asDouble()).isPositive();
		assertThat(first.path("denseRank").asInt()).isPositive();
		assertThat(first.path("score").asDouble()).isPositive();
		assertThat(first.path("relevance").asDouble()).isEqualTo(first.path("denseScore").asDouble(),
				org.assertj.core.data.Offset.offset(0.001));
		assertThat(first.path("search_queries").get(0).asString()).startsWith("How many days");
		assertThat(first.path("filepath").asString()).isEqualTo("leave.md");
		assertThat(contexts.get(6).path("used").asBoolean()).isFalse();
		assertThat(answer.path("citations").size()).isEqualTo(1);
	}

	@Test
	void topNLimitsTheChunksAnAnswerDrawsOn() {
		String question = "\"question\": \"Which benefits does every employee receive?\", \"include_contexts\": "
				+ "[\"all_retrieved_documents\"]";
		JsonNode one = ask("{" + question + ", \"top_n_documents\": 1}");
		assertThat(one.path("all_retrieved_documents").valueStream().filter(c -> c.path("used").asBoolean()))
			.hasSize(1);
		assertThat(one.path("citations").size()).isLessThanOrEqualTo(1);
		JsonNode five = ask("{" + question + "}");
		assertThat(five.path("all_retrieved_documents").valueStream().filter(c -> c.path("used").asBoolean()))
			.hasSize(5);
		JsonNode twenty = ask("{" + question + ", \"top_n_documents\": 20}");
		assertThat(twenty.path("all_retrieved_documents").valueStream().filter(c -> c.path("used").asBoolean()))
			.hasSize(8);
	}

	@Test
	void strictnessFiveRefusesAWeakMatchThatStrictnessOneAnswers() {
		String weak = "\"question\": \"How much holiday time do staff get?\", \"include_contexts\": "
				+ "[\"all_retrieved_documents\"]";
		JsonNode lenient = ask("{" + weak + ", \"strictness\": 1}");
		assertThat(lenient.path("answer").asString()).contains("twenty-eight days");
		assertThat(documents(lenient.path("citations"))).contains(ids.get("leave.md"));
		JsonNode strict = ask("{" + weak + ", \"strictness\": 5}");
		assertThat(strict.path("answer").asString()).isEqualTo("No answer found in these documents.");
		assertThat(strict.path("citations").size()).isZero();
		assertThat(reasons(strict.path("all_retrieved_documents"))).contains("below strictness threshold");
		assertThat(reasons(lenient.path("all_retrieved_documents"))).doesNotContain("below strictness threshold");
	}

	@Test
	void queryTypesGiveBm25OrDenseScores() {
		String question = "\"question\": \"How often must passwords be changed?\", \"include_contexts\": "
				+ "[\"all_retrieved_documents\"]";
		JsonNode simple = ask("{" + question + ", \"query_type\": \"simple\"}");
		JsonNode contexts = simple.path("all_retrieved_documents");
		assertThat(contexts.size()).isPositive();
		assertThat(contexts.valueStream()).allSatisfy(c -> {
			assertThat(c.path("bm25Score").asDouble()).isPositive();
			assertThat(c.path("denseScore").isNull()).isTrue();
		});
		assertThat(contexts.get(0).path("documentId").asLong()).isEqualTo(ids.get("passwords.md"));
		JsonNode vector = ask("{" + question + ", \"query_type\": \"vector\"}");
		assertThat(vector.path("all_retrieved_documents").size()).isEqualTo(8);
		assertThat(vector.path("all_retrieved_documents").valueStream()).allSatisfy(c -> {
			assertThat(c.path("bm25Score").isNull()).isTrue();
			assertThat(c.path("denseScore").asDouble()).isBetween(-1.0, 1.0);
		});
		JsonNode hybrid = ask("{" + question + ", \"query_type\": \"vector_simple_hybrid\"}");
		assertThat(hybrid.path("all_retrieved_documents").get(0).path("bm25Score").asDouble()).isPositive();
		assertThat(hybrid.path("all_retrieved_documents").get(0).path("denseScore").asDouble()).isPositive();
		assertThat(vector.path("answer").asString()).contains("ninety days");
	}

	@Test
	void filtersRestrictTheSources() {
		String question = "\"question\": \"Which benefits does every employee receive?\", \"top_n_documents\": 20, "
				+ "\"include_contexts\": [\"all_retrieved_documents\"]";
		Set<Long> hr = Set.of(ids.get("leave.md"), ids.get("parental.md"));
		Set<Long> it = Set.of(ids.get("laptops.md"), ids.get("passwords.md"));
		assertThat(documents(ask("{" + question + ", \"filter\": {\"metadata\": {\"department\": \"HR\"}}}")
			.path("all_retrieved_documents"))).isEqualTo(hr);
		assertThat(documents(ask("{" + question + ", \"filter\": \"metadata/department eq 'IT'\"}")
			.path("all_retrieved_documents"))).isEqualTo(it);
		assertThat(documents(ask("{" + question
				+ ", \"filter\": \"metadata/department eq 'IT' and metadata/region eq 'EU' and type eq 'markdown'\"}")
			.path("all_retrieved_documents"))).isEqualTo(it);
		assertThat(documents(ask("{" + question + ", \"filter\": {\"types\": [\"pdf\"]}}")
			.path("all_retrieved_documents"))).containsExactly(ids.get("canteen.pdf"));
		assertThat(documents(ask("{" + question + ", \"filter\": {\"documents\": [" + ids.get("garden.md") + ", "
				+ ids.get("library.md") + "]}}").path("all_retrieved_documents")))
			.containsExactlyInAnyOrder(ids.get("garden.md"), ids.get("library.md"));
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(ask("{" + question + ", \"filter\": {\"from\": \"" + today + "\", \"to\": \"" + today + "\"}}")
			.path("all_retrieved_documents")
			.size()).isEqualTo(8);
		JsonNode before = ask("{" + question + ", \"filter\": {\"to\": \"2020-01-01\"}}");
		assertThat(before.path("all_retrieved_documents").size()).isZero();
		assertThat(before.path("answer").asString()).isEqualTo("No answer found in these documents.");
		JsonNode nobody = ask("{" + question + ", \"filter\": {\"metadata\": {\"department\": \"Legal\"}}}");
		assertThat(nobody.path("citations").size()).isZero();
	}

	@Test
	void inScopeFalseWithoutAModelIsAcceptedAndChangesNothing() {
		JsonNode answer = ask("{\"question\": \"Which team won the football world cup in 1974?\", \"in_scope\": false, "
				+ "\"role_information\": \"You are the HR assistant.\"}");
		assertThat(answer.path("mode").asString()).isEqualTo("extractive");
		assertThat(answer.path("answer").asString()).isEqualTo("No answer found in these documents.");
		assertThat(answer.path("grounded").asBoolean()).isTrue();
	}

	@Test
	void theStreamCarriesTheSameOptionsAndFields() {
		HttpResponse<String> response = admin().postJson(BASE + "/ask/stream",
				"{\"question\": \"How many days of paid annual leave does an employee receive?\", "
						+ "\"top_n_documents\": 1, \"include_contexts\": [\"all_retrieved_documents\"], "
						+ "\"filter\": {\"metadata\": {\"department\": \"HR\"}}}");
		assertThat(response.statusCode()).isEqualTo(200);
		StreamedEvents events = StreamedEvents.of(response.body());
		assertThat(events.last().get("retrieval").size()).isEqualTo(1);
		JsonNode citation = events.last().get("citations").get(0);
		assertThat(citation.path("filepath").asString()).isEqualTo("leave.md");
		assertThat(citation.path("chunk_id").asString()).isNotBlank();
		assertThat(citation.path("url").asString()).contains("/documents/" + ids.get("leave.md") + "?chunk=");
		JsonNode done = events.last().get("done");
		assertThat(done.path("intent").asString()).startsWith("How many days");
		assertThat(done.path("all_retrieved_documents").size()).isEqualTo(2);
		assertThat(reasons(done.path("all_retrieved_documents"))).containsExactly("cited", "not in top_n");

		HttpResponse<String> bad = admin().postJson(BASE + "/ask/stream", "{\"question\": \"x\", \"strictness\": 9}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(StreamedEvents.of(bad.body()).last().get("error").path("detail").asString()).contains("strictness");
	}

	@Test
	void metadataIsShownOnThePagesAndEditedWithTheForm() {
		Http browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(browser.page("/docqa/azure-options").body()).contains("department=HR", "region=EU",
				"id=\"upload-metadata\"");
		String page = "/docqa/azure-options/documents/" + ids.get("library.md");
		assertThat(browser.page(page).body()).contains("id=\"metadata-form\"");
		HttpResponse<String> saved = browser.form(page + "/metadata",
				Map.of("metadata", "department = Library\nshelf=B-12\n", "_csrf", browser.csrfFrom(page)));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(browser.page(page).body()).contains("department=Library", "shelf=B-12", "The metadata was saved.");
		assertThat(Http.json(admin().get(BASE + "/documents/" + ids.get("library.md"))).path("document")
			.path("metadata").path("shelf").asString()).isEqualTo("B-12");
		browser.form(page + "/metadata", Map.of("metadata", "no equals sign", "_csrf", browser.csrfFrom(page)));
		assertThat(browser.page(page).body()).contains("one key=value a line", "shelf=B-12");
	}

	@Test
	void badOptionsAre400sNamingTheField() {
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("\"top_n_documents\": 0", "top_n_documents");
		bad.put("\"top_n_documents\": 21", "top_n_documents");
		bad.put("\"top_n_documents\": \"five\"", "top_n_documents");
		bad.put("\"strictness\": 6", "strictness");
		bad.put("\"strictness\": 2.5", "strictness");
		bad.put("\"in_scope\": \"no\"", "in_scope");
		bad.put("\"role_information\": \"" + "x".repeat(2001) + "\"", "role_information");
		bad.put("\"role_information\": 7", "role_information");
		bad.put("\"query_type\": \"semantic\"", "not supported");
		bad.put("\"query_type\": \"vector_semantic_hybrid\"", "not supported");
		bad.put("\"query_type\": \"fuzzy\"", "query_type");
		bad.put("\"filter\": \"metadata/department ne 'HR'\"", "filter");
		bad.put("\"filter\": \"metadata/department eq 'HR' or type eq 'pdf'\"", "filter");
		bad.put("\"filter\": {\"documents\": [\"one\"]}", "filter.documents");
		bad.put("\"filter\": {\"types\": \"pdf\"}", "filter.types");
		bad.put("\"filter\": {\"from\": \"yesterday\"}", "filter.from");
		bad.put("\"filter\": {\"from\": \"2026-02-01\", \"to\": \"2026-01-01\"}", "from");
		bad.put("\"filter\": {\"metadata\": {\"bad key\": \"x\"}}", "metadata");
		bad.put("\"filter\": {\"metadata\": {\"department\": [\"HR\"]}}", "filter.metadata.department");
		bad.put("\"filter\": {\"owner\": \"me\"}", "filter.owner");
		bad.put("\"filter\": 3", "filter");
		bad.put("\"include_contexts\": [\"everything\"]", "include_contexts");
		bad.put("\"include_contexts\": \"all_retrieved_documents\"", "include_contexts");
		bad.forEach((option, field) -> {
			HttpResponse<String> response = admin().postJson(BASE + "/ask", "{\"question\": \"leave?\", " + option + "}");
			assertThat(response.statusCode()).as(option).isEqualTo(400);
			assertThat(Http.json(response).path("detail").asString()).as(option).contains(field);
		});
		assertThat(admin().postJson(BASE + "/ask", "{\"conversationId\": \"c\"}").statusCode()).isEqualTo(400);
		assertThat(admin().postJson(BASE + "/ask", "[1]").statusCode()).isEqualTo(400);
	}

	@Test
	void metadataIsReturnedEditedAndFiltersSearch() {
		long leave = ids.get("leave.md");
		JsonNode document = Http.json(admin().get(BASE + "/documents/" + leave)).path("document");
		assertThat(document.path("metadata").path("department").asString()).isEqualTo("HR");
		assertThat(document.path("metadata").path("owner").asString()).isEqualTo("people-team");
		JsonNode laptops = Http.json(admin().get(BASE + "/documents/" + ids.get("laptops.md"))).path("document");
		assertThat(laptops.path("metadata").path("region").asString()).isEqualTo("EU");
		assertThat(Http.json(admin().get(BASE + "/documents")).valueStream()
			.filter(d -> d.path("metadata").path("department").asString().equals("HR"))).hasSize(2);

		JsonNode hits = Http.json(admin().get(BASE + "/search?k=20&q=employee&metadata.department=HR"));
		assertThat(documents(hits)).isSubsetOf(ids.get("leave.md"), ids.get("parental.md")).isNotEmpty();
		assertThat(Http.json(admin().get(BASE + "/search?k=20&q=employee&metadata.department=IT&metadata.region=EU")))
			.isNotEmpty()
			.allSatisfy(h -> assertThat(h.path("documentId").asLong()).isIn(ids.get("laptops.md"), ids.get("passwords.md")));
		assertThat(admin().get(BASE + "/search?q=employee&metadata.bad%20key=x").statusCode()).isEqualTo(400);

		HttpResponse<String> patched = admin().patchJson(BASE + "/documents/" + ids.get("garden.md"),
				"{\"metadata\": {\"department\": \"Facilities\", \"floor\": \"5\"}}");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		assertThat(Http.json(patched).path("metadata").path("floor").asString()).isEqualTo("5");
		assertThat(documents(Http.json(admin().get(BASE + "/search?q=garden&metadata.department=Facilities"))))
			.containsExactly(ids.get("garden.md"));
		assertThat(documents(ask("{\"question\": \"When does the roof garden open?\", \"include_contexts\": "
				+ "[\"all_retrieved_documents\"], \"filter\": \"metadata/floor eq '5'\"}").path("all_retrieved_documents")))
			.containsExactly(ids.get("garden.md"));

		Map<String, String> tooMany = new LinkedHashMap<>();
		for (int i = 0; i < 21; i++) {
			tooMany.put("\"k" + i + "\"", "\"v\"");
		}
		String many = tooMany.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
			.collect(Collectors.joining(", ", "{", "}"));
		for (String body : List.of("{\"metadata\": " + many + "}", "{\"metadata\": {\"a b\": \"x\"}}",
				"{\"metadata\": {\"" + "k".repeat(65) + "\": \"x\"}}", "{\"metadata\": {\"k\": \"" + "v".repeat(257) + "\"}}",
				"{\"metadata\": [\"x\"]}", "{\"title\": \"x\"}")) {
			HttpResponse<String> response = admin().patchJson(BASE + "/documents/" + ids.get("garden.md"), body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(Http.json(response).path("detail").asString()).as(body).contains("metadata");
		}
		assertThat(admin().patchJson(BASE + "/documents/999999", "{\"metadata\": {}}").statusCode()).isEqualTo(404);
		HttpResponse<String> refused = admin().uploadFiles(BASE + "/documents", Map.of("x.md", utf8("# X\n\nSomething.\n")),
				Map.of("metadata.bad key!", "x"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Http.json(refused).path("detail").asString()).contains("metadata");
		assertThat(Http.json(admin().get(BASE + "/documents")).size()).isEqualTo(8);
	}

}
