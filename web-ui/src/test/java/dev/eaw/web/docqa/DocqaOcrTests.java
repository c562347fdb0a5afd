package dev.eaw.web.docqa;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.docqa.OcrStatus;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scanned documents read with Tesseract (installed by {@code .ci/run}; without it these tests are skipped, and fail
 * under {@code CI=true}): a PDF of a text page and two scanned pages, a PNG and a two-page TIFF, all made here with
 * Java2D and PDFBox, are uploaded, become ready with their page numbers, and are found by search and ask.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocqaOcrTests {

	static final String BASE = "/api/docqa/collections/scans-ocr";

	@LocalServerPort
	int port;

	@Autowired
	OcrStatus ocr;

	final Map<String, Long> ids = new HashMap<>();

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@BeforeAll
	void uploadScans() {
		if (!ocr.available()) {
			String message = "no OCR: install tesseract-ocr and tesseract-ocr-eng (" + ocr.description() + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + " (CI=true: the OCR tests must run in CI)");
			}
			Assumptions.abort(message);
		}
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"scans-ocr\"}").statusCode()).isEqualTo(201);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("house-rules.pdf", DocqaFixtures.mixedPdf(
				List.of("House rules of the Alfama guesthouse.", "Breakfast is served in the courtyard."),
				List.of(List.of("Security", "The night porter locks the east gate", "at eleven in the evening."),
						List.of("Laundry", "Towels are changed every third day", "unless guests ask for fresh ones."))));
		files.put("notice.png", DocqaFixtures.image(DocqaFixtures.scan(
				List.of("The rooftop terrace closes at midnight", "because of the neighbours.")), "png"));
		files.put("fax.tiff", DocqaFixtures.tiff(List.of(List.of("Invoice for the plumbing repair."),
				List.of("The plumber replaced the copper boiler valve", "in room twelve on Friday."))));
		HttpResponse<String> response = admin().uploadFiles(BASE + "/documents", files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		for (JsonNode outcome : Http.json(response)) {
			assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("queued");
			ids.put(outcome.path("fileName").asString(), outcome.path("id").asLong());
		}
		assertThat(Http.json(response).valueStream().map(o -> o.path("type").asString()))
			.containsExactly("pdf", "png", "tiff");
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!Http.json(admin().get(BASE + "/documents")).valueStream()
			.allMatch(d -> d.path("status").asString().matches("ready|failed"))) {
			assertThat(System.nanoTime()).as("ingestion did not finish").isLessThan(deadline);
			sleep();
		}
	}

	JsonNode document(String fileName) {
		return Http.json(admin().get(BASE + "/documents/" + ids.get(fileName)));
	}

	/** The document's chunk texts by page. */
	Map<Integer, String> pages(String fileName) {
		JsonNode detail = document(fileName);
		assertThat(detail.path("document").path("status").asString()).as(detail.toString()).isEqualTo("ready");
		return detail.path("chunks").valueStream().collect(Collectors.groupingBy(c -> c.path("page").asInt(),
				Collectors.mapping(c -> c.path("text").asString().replaceAll("\\s+", " "), Collectors.joining(" "))));
	}

	static String q(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void aPdfWithScannedPagesKeepsItsPageNumbersAndIsFoundByPage() {
		Map<Integer, String> pages = pages("house-rules.pdf");
		assertThat(document("house-rules.pdf").path("document").path("pages").asInt()).isEqualTo(3);
		assertThat(pages.keySet()).containsExactly(1, 2, 3);
		assertThat(pages.get(1)).contains("Breakfast is served in the courtyard.");
		assertThat(pages.get(2)).contains("The night porter locks the east gate at eleven in the evening.");
		assertThat(pages.get(3)).contains("Towels are changed every third day");

		JsonNode top = Http.json(admin().get(BASE + "/search?q=" + q("when is the east gate locked"))).get(0);
		assertThat(top.path("documentId").asLong()).isEqualTo(ids.get("house-rules.pdf"));
		assertThat(top.path("page").asInt()).isEqualTo(2);
		assertThat(top.path("text").asString()).contains("night porter");

		JsonNode answer = Http.json(admin().postJson(BASE + "/ask",
				"{\"question\": \"Who locks the east gate, and when?\"}"));
		assertThat(answer.path("answer").asString()).contains("east gate");
		JsonNode citation = answer.path("citations").get(0);
		assertThat(citation.path("documentId").asLong()).isEqualTo(ids.get("house-rules.pdf"));
		assertThat(citation.path("page").asInt()).isEqualTo(2);
	}

	@Test
	void pngAndTiffImagesAreReadPageByPage() {
		assertThat(pages("notice.png")).containsOnlyKeys(1);
		assertThat(pages("notice.png").get(1)).contains("The rooftop terrace closes at midnight");
		Map<Integer, String> fax = pages("fax.tiff");
		assertThat(fax.keySet()).containsExactly(1, 2);
		assertThat(fax.get(2)).contains("copper boiler valve");
		assertThat(document("fax.tiff").path("document").path("pages").asInt()).isEqualTo(2);

		JsonNode top = Http.json(admin().get(BASE + "/search?q=" + q("which valve did the plumber replace"))).get(0);
		assertThat(top.path("documentId").asLong()).isEqualTo(ids.get("fax.tiff"));
		assertThat(top.path("page").asInt()).isEqualTo(2);
		JsonNode onlyPng = Http.json(admin().get(BASE + "/search?type=png&q=" + q("terrace")));
		assertThat(onlyPng.valueStream().map(h -> h.path("documentId").asLong())).containsOnly(ids.get("notice.png"));
	}

	@Test
	void healthAndTheUploadCardSayThatOcrIsOn() {
		JsonNode component = Http.json(admin().get("/actuator/health")).path("components").path("docqaOcr");
		assertThat(component.path("status").asString()).isEqualTo("UP");
		assertThat(component.path("details").path("available").asBoolean()).isTrue();
		assertThat(component.path("details").path("engine").asString()).startsWith("tesseract 5.").endsWith("(eng)");
		assertThat(Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD).get("/docqa/scans-ocr").body()).contains("images are read with OCR (tesseract 5.",
				"image/tiff");
	}

	static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
