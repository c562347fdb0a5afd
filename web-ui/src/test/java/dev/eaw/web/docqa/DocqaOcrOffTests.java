package dev.eaw.web.docqa;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app whose Tesseract command does not exist (as on a server without {@code tesseract-ocr}): OCR is off with the
 * reason in health and on the upload card, an image-only PDF fails with the reason and images are refused at upload.
 */
@AppTest
@TestPropertySource(properties = "eaw.docqa.tesseract=/nonexistent/bin/tesseract")
class DocqaOcrOffTests {

	static final String BASE = "/api/docqa/collections/scans-no-ocr";

	@LocalServerPort
	int port;

	@Test
	void scansFailWithTheReasonAndImagesAreRefused() {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		assertThat(admin.postJson("/api/docqa/collections", "{\"name\": \"scans-no-ocr\"}").statusCode()).isEqualTo(201);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("scan.pdf", DocqaFixtures.imageOnlyPdf());
		files.put("notice.png", DocqaFixtures.image(DocqaFixtures.scan(java.util.List.of("Closed on Sundays.")), "png"));
		HttpResponse<String> response = admin.uploadFiles(BASE + "/documents", files);
		JsonNode outcomes = Http.json(response);
		assertThat(outcomes.get(0).path("status").asString()).isEqualTo("queued");
		assertThat(outcomes.get(1).path("status").asString()).isEqualTo("refused");
		assertThat(outcomes.get(1).path("reason").asString()).startsWith("Unsupported type: a PNG image")
			.contains("OCR, which is not available on this server");

		String document = BASE + "/documents/" + outcomes.get(0).path("id").asLong();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!Http.json(admin.get(document)).path("document").path("status").asString().equals("failed")) {
			assertThat(System.nanoTime()).as(admin.get(document).body()).isLessThan(deadline);
			DocqaOcrTests.sleep();
		}
		assertThat(Http.json(admin.get(document)).path("document").path("reason").asString())
			.isEqualTo("No extractable text — scanned? OCR is not supported.");

		JsonNode health = Http.json(admin.get("/actuator/health")).path("components").path("docqaOcr");
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("details").path("available").asBoolean()).isFalse();
		assertThat(health.path("details").path("engine").asString())
			.startsWith("not available: the command '/nonexistent/bin/tesseract' could not be run");
		assertThat(Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD).get("/docqa/scans-no-ocr").body()).contains("OCR is not available on this server")
			.doesNotContain("image/tiff");
	}

}
