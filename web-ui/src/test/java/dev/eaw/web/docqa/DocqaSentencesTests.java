package dev.eaw.web.docqa;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Extractive answers quote whole sentences from a small staff handbook: a title ("Dr.") does not end a sentence, and
 * a PDF's wrapped lines, running header and page numbers do not cut one.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocqaSentencesTests {

	static final String BASE = "/api/docqa/collections/staff-handbook";

	/** Typeset with 1.5 line spacing, a running header and a page number on each page. */
	static final List<List<String>> HANDBOOK_PDF = List.of(
			List.of("Northwind Staff Handbook", "", "Equipment and security", "",
					"Company laptops are encrypted and must be locked when you leave your desk.",
					"If your laptop is stolen, report it to IT within 2 hours, by phone or e-mail, so",
					"that the device can be wiped remotely. A police report is needed for the insurer.", "",
					"Page 1"),
			List.of("Northwind Staff Handbook", "", "Working from home", "",
					"Staff may work from home up to three days a week after their probation period. Home",
					"office furniture is reimbursed up to 400 euros once every five years.", "", "Page 2"));

	static final String MARKDOWN = """
			# Travel policy

			Business trips are booked through the travel desk. Travel expenses over 1,000 euros are approved by Dr. Helena Berg, the finance director. Smaller amounts are approved by the team lead.

			## Receipts

			Keep every receipt for ten years, e.g. hotel bills and train tickets.
			""";

	static final String HTML = """
			<html><body><h1>Canteen</h1>
			<p>The canteen in building No. 5 opens at 11.30 and closes at 14.00. Mr. J. R. Olsen runs it.</p>
			</body></html>""";

	@LocalServerPort
	int port;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void uploadTheHandbook() {
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"staff-handbook\"}").statusCode()).isEqualTo(201);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("handbook.pdf", DocqaFixtures.pdf(HANDBOOK_PDF));
		files.put("travel.md", utf8(MARKDOWN));
		files.put("canteen.html", utf8(HTML));
		HttpResponse<String> response = admin().uploadFiles(BASE + "/documents", files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!Http.json(admin().get(BASE + "/documents")).valueStream()
			.allMatch(d -> d.path("status").asString().equals("ready"))) {
			assertThat(System.nanoTime()).as("ingestion finished").isLessThan(deadline);
			DocqaApiTests.sleep(200);
		}
	}

	JsonNode ask(String question) {
		return Http.json(admin().postJson(BASE + "/ask", "{\"question\": \"" + question + "\"}"));
	}

	@Test
	void theApproverIsQuotedWithHisWholeName() {
		JsonNode answer = ask("Who approves travel expenses over 1,000 euros?");

		assertThat(answer.path("mode").asString()).isEqualTo("extractive");
		assertThat(answer.path("answer").asString())
			.contains("Travel expenses over 1,000 euros are approved by Dr. Helena Berg, the finance director. [");
		assertThat(answer.path("citations").get(0).path("snippet").asString())
			.contains("approved by Dr. Helena Berg, the finance director.");
	}

	@Test
	void theStolenLaptopSentenceIsQuotedAcrossItsWrappedLines() {
		JsonNode answer = ask("What should I do if my laptop is stolen?");

		assertThat(answer.path("answer").asString()).contains(
				"If your laptop is stolen, report it to IT within 2 hours, by phone or e-mail, so that the device can be wiped remotely. [");
		assertThat(answer.path("answer").asString()).doesNotContain("Northwind Staff Handbook", "Page 1");
		assertThat(answer.path("citations").get(0).path("page").asInt()).isEqualTo(1);
	}

	@Test
	void theRunningHeaderAndPageNumbersAreNotPartOfThePdfText() {
		long pdf = Http.json(admin().get(BASE + "/documents")).valueStream()
			.filter(d -> d.path("fileName").asString().equals("handbook.pdf"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
		String chunks = Http.json(admin().get(BASE + "/documents/" + pdf)).path("chunks").toString();

		assertThat(chunks).contains("Staff may work from home up to three days a week after their probation period.")
			.doesNotContain("Northwind Staff Handbook", "Page 2");
	}

	@Test
	void abbreviationsAndInitialsInHtmlDoNotCutTheSentence() {
		JsonNode answer = ask("Who runs the canteen?");

		assertThat(answer.path("answer").asString()).contains("Mr. J. R. Olsen runs it. [");
	}

	@Test
	void theViewerMarksOnlyTheCitedSentence() {
		JsonNode citation = ask("Who approves travel expenses over 1,000 euros?").path("citations").get(0);
		int from = citation.path("from").asInt();
		int to = citation.path("to").asInt();
		String path = "/docqa/staff-handbook/documents/" + citation.path("documentId").asLong() + "?chunk="
				+ citation.path("chunkId").asLong();

		HttpResponse<String> page = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD)
			.page(path + "&from=" + from + "&to=" + to);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(
				"<mark class=\"cited\">Travel expenses over 1,000 euros are approved by Dr. Helena Berg, the finance director.</mark>")
			.contains("Business trips are booked through the travel desk. </span>")
			.containsOnlyOnce("<mark");
		HttpResponse<String> stale = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD).page(path + "&from=5&to=99999");
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).doesNotContain("<mark").contains("Travel expenses over 1,000 euros");
	}

}
