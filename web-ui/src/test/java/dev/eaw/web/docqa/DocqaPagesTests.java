package dev.eaw.web.docqa;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Document Q&amp;A pages and the streamed answer over real HTTP, after a PDF and a Markdown file went through the
 * real ingestion: every page shows the real content, a VIEWER sees no upload or delete, unknown names are 404 pages,
 * and the server-sent events add up to the same answer as {@code POST …/ask}.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocqaPagesTests {

	static final String NAME = "handbook-pages";

	static final String API = "/api/docqa/collections/" + NAME;

	static final String QUESTION = "{\"question\": \"How much water does the boiler of the Zephyr 9 hold?\", "
			+ "\"conversationId\": \"conv-7\"}";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	Http api;

	Http browser;

	Http viewer;

	long pdf;

	long markdown;

	@BeforeAll
	void ingest() {
		api = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		browser = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD);
		accounts.create("docqa-pages-viewer", "viewer-secret", Role.VIEWER, "test");
		viewer = Http.signedIn(port, "docqa-pages-viewer", "viewer-secret");
		HttpResponse<String> created = browser.form("/docqa", Map.of("name", NAME, "description", "Made by the form",
				"_csrf", browser.csrfFrom("/docqa")));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/docqa/" + NAME);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("zephyr-manual.pdf", DocqaFixtures.pdf(DocqaApiTests.MANUAL));
		files.put("handbook.md", utf8(DocqaApiTests.MARKDOWN));
		JsonNode outcomes = Http.json(api.uploadFiles(API + "/documents", files));
		pdf = outcomes.get(0).path("id").asLong();
		markdown = outcomes.get(1).path("id").asLong();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!Http.json(api.get(API + "/documents")).valueStream().allMatch(d -> d.path("status").asString().equals("ready"))) {
			assertThat(System.nanoTime()).as("ingestion finishes").isLessThan(deadline);
			sleep();
		}
	}

	static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String page(Http http, String path) {
		HttpResponse<String> response = http.page(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	@Test
	void collectionsPageListsTheCollectionWithItsCounts() {
		String html = page(browser, "/docqa");
		assertThat(html).contains("id=\"nav-docqa\"", "id=\"collection-form\"", "id=\"collection-" + NAME + "\"",
				"Made by the form", "2 of 2 ready");
		assertThat(page(browser, "/")).contains("id=\"open-docqa\"");
		HttpResponse<String> taken = browser.form("/docqa", Map.of("name", NAME, "_csrf", browser.csrfFrom("/docqa")));
		assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith("/docqa");
	}

	@Test
	void aCollectionIsDeletedFromItsPage() {
		String csrf = browser.csrfFrom("/docqa");
		browser.form("/docqa", Map.of("name", "pages-doomed", "_csrf", csrf));
		assertThat(page(browser, "/docqa/pages-doomed")).contains("id=\"collection-delete\"", "data-confirm=");
		HttpResponse<String> deleted = browser.form("/docqa/pages-doomed/delete", Map.of("_csrf", csrf));
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/docqa");
		assertThat(page(browser, "/docqa")).contains("Collection &quot;pages-doomed&quot; was deleted.")
			.doesNotContain("id=\"collection-pages-doomed\"");
		assertThat(browser.page("/docqa/pages-doomed").statusCode()).isEqualTo(404);
	}

	@Test
	void collectionPageShowsTheDocumentsAndTheUploadForm() {
		String html = page(browser, "/docqa/" + NAME);
		assertThat(html).contains("id=\"dropzone\"", "id=\"upload-files\"", "multiple", "zephyr-manual", "handbook",
				"id=\"document-" + pdf + "\"", "doc-ready", "delete-document", "id=\"collection-delete\"",
				"/docqa/" + NAME + "/chat", "/js/docqa.js");
		assertThat(page(browser, "/docqa/" + NAME + "/chat")).contains("id=\"ask-form\"", "id=\"show-chunks\"",
				"/api/docqa/collections/" + NAME + "/ask/stream", "/js/docqa-chat.js");
	}

	@Test
	void documentViewerShowsTheTextByPageWithTheCitedChunkHighlighted() {
		JsonNode chunks = Http.json(api.get(API + "/documents/" + pdf)).path("chunks");
		JsonNode last = chunks.get(chunks.size() - 1);
		long chunk = last.path("id").asLong();
		String html = page(browser, "/docqa/" + NAME + "/documents/" + pdf + "?chunk=" + chunk);
		assertThat(html).contains("zephyr-manual.pdf", "Page 3", "1.8 litres",
				"/api/docqa/collections/" + NAME + "/documents/" + pdf + "/content");
		Matcher highlighted = Pattern.compile("id=\"chunk-(\\d+)\"\\s+class=\"chunk highlight\"").matcher(html);
		assertThat(highlighted.find()).as("a highlighted chunk").isTrue();
		assertThat(highlighted.group(1)).isEqualTo(String.valueOf(chunk));
		assertThat(html).containsOnlyOnce("highlight\"");
		String md = page(browser, "/docqa/" + NAME + "/documents/" + markdown);
		assertThat(md).contains("Operations Handbook › Cleaning", "citric acid").doesNotContain("chunk highlight");
	}

	@Test
	void aViewerSeesNoUploadOrDeleteAndCannotChange() {
		assertThat(page(viewer, "/docqa")).contains(NAME).doesNotContain("collection-form");
		String html = page(viewer, "/docqa/" + NAME);
		assertThat(html).contains("zephyr-manual").doesNotContain("upload-files", "delete-document", "collection-delete");
		assertThat(viewer.form("/docqa", Map.of("name", "by-viewer", "_csrf", viewer.csrfFrom("/docqa"))).statusCode())
			.isIn(302, 403);
		assertThat(Http.json(api.get("/api/docqa/collections")).toString()).doesNotContain("by-viewer");
		HttpResponse<String> stream = Http.basic(port, "docqa-pages-viewer", "viewer-secret")
			.postJson(API + "/ask/stream", QUESTION);
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.body()).contains("event: done");
	}

	@Test
	void unknownCollectionOrDocumentIsA404Page() {
		for (String path : List.of("/docqa/nowhere", "/docqa/nowhere/chat", "/docqa/" + NAME + "/documents/999999")) {
			HttpResponse<String> response = browser.page(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("<html");
		}
	}

	@Test
	void streamedAnswerAddsUpToTheAnswerOfAsk() {
		JsonNode asked = Http.json(api.postJson(API + "/ask", QUESTION));
		HttpResponse<String> response = api.postJson(API + "/ask/stream", QUESTION);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		StreamedEvents events = StreamedEvents.of(response.body());
		List<String> names = events.names();
		Map<String, JsonNode> last = events.last();
		String answer = String.join("", events.tokens());
		assertThat(names.get(0)).isEqualTo("retrieval");
		assertThat(names.subList(1, names.size() - 2)).isNotEmpty().containsOnly("token");
		assertThat(names.subList(names.size() - 2, names.size())).containsExactly("citations", "done");
		assertThat(names.stream().filter("token"::equals).count()).isGreaterThan(2);
		assertThat(answer).isEqualTo(asked.path("answer").asString()).contains("1.8 litres", "[1]");

		JsonNode top = last.get("retrieval").get(0);
		assertThat(top.path("text").asString()).contains("1.8 litres");
		assertThat(top.path("bm25Score").asDouble()).isPositive();
		assertThat(top.path("denseScore").asDouble()).isPositive();
		assertThat(top.path("bm25Rank").asInt()).isPositive();
		assertThat(last.get("citations").toString()).isEqualTo(asked.path("citations").toString());
		assertThat(last.get("citations").get(0).path("page").asInt()).isEqualTo(3);
		assertThat(last.get("done").path("mode").asString()).isEqualTo("extractive");
		assertThat(last.get("done").path("latencyMs").asLong()).isNotNegative();
		assertThat(last.get("done").path("conversationId").asString()).isEqualTo("conv-7");
	}

	@Test
	void streamErrorsAreErrorEventsWithTheProblem() {
		HttpResponse<String> unknown = api.postJson("/api/docqa/collections/nowhere/ask/stream", QUESTION);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).startsWith("event: error\ndata: {").contains("\"status\":404", "nowhere");
		HttpResponse<String> blank = api.postJson(API + "/ask/stream", "{\"question\": \" \"}");
		assertThat(blank.body()).startsWith("event: error\n").contains("\"status\":400", "1 to 2000 characters");
		assertThat(api.postJson(API + "/ask", QUESTION).statusCode()).isEqualTo(200);
	}

}
