package dev.eaw.web.docqa;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed document can be retried: {@code POST …/documents/{id}/retry} (202, only for failed documents, else 409; the
 * collection page's Retry button), or by uploading its bytes again ({@code retried}, not {@code duplicate}).
 */
@AppTest
class DocqaRetryTests {

	static final String BASE = "/api/docqa/collections/retries";

	@LocalServerPort
	int port;

	@Test
	void retriesOnlyFailedDocumentsByTheApiOrByUploadingThemAgain() throws InterruptedException {
		Http admin = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
		byte[] damagedDocx = DocqaFixtures.damagedDocx();
		assertThat(admin.postJson("/api/docqa/collections", "{\"name\": \"retries\"}").statusCode()).isEqualTo(201);
		JsonNode uploaded = Http.json(admin.uploadFiles(BASE + "/documents",
				Map.of("damaged.docx", damagedDocx, "fine.md", utf8("# Fine\n\nThe kiln is fired on Tuesdays.\n"))));
		long damaged = id(uploaded, "damaged.docx");
		long fine = id(uploaded, "fine.md");
		assertThat(done(admin, damaged).path("status").asString()).isEqualTo("failed");
		assertThat(done(admin, fine).path("status").asString()).isEqualTo("ready");
		String page = Http.signedIn(port, "admin", AppTest.ADMIN_PASSWORD).page("/docqa/retries").body();
		String[] retryButtons = page.replaceAll("\\s+", " ").split("class=\"small retry-document\" ", -1);
		assertThat(retryButtons).as("one Retry button: for the failed document").hasSize(2);
		assertThat(retryButtons[1]).startsWith("data-id=\"" + damaged + "\">Retry</button>");

		var retried = admin.postJson(BASE + "/documents/" + damaged + "/retry", "{}");
		assertThat(retried.statusCode()).isEqualTo(202);
		assertThat(Http.json(retried).path("id").asLong()).isEqualTo(damaged);
		assertThat(done(admin, damaged).path("status").asString()).isEqualTo("failed");

		var refused = admin.postJson(BASE + "/documents/" + fine + "/retry", "{}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(Http.json(refused).path("detail").asString())
			.isEqualTo("Only a failed document can be retried; document " + fine + " is ready.");
		assertThat(admin.postJson(BASE + "/documents/999999/retry", "{}").statusCode()).isEqualTo(404);

		JsonNode again = Http.json(admin.uploadFiles(BASE + "/documents",
				Map.of("damaged-again.docx", damagedDocx, "fine-again.md",
						utf8("# Fine\n\nThe kiln is fired on Tuesdays.\n"))));
		assertThat(outcome(again, "damaged-again.docx").path("status").asString()).isEqualTo("retried");
		assertThat(outcome(again, "damaged-again.docx").path("id").asLong()).isEqualTo(damaged);
		assertThat(outcome(again, "fine-again.md").path("status").asString()).isEqualTo("duplicate");
		assertThat(done(admin, damaged).path("status").asString()).isEqualTo("failed");
		assertThat(admin.delete(BASE).statusCode()).isEqualTo(204);
	}

	private static JsonNode outcome(JsonNode outcomes, String fileName) {
		return outcomes.valueStream().filter(o -> o.path("fileName").asString().equals(fileName)).findFirst().orElseThrow();
	}

	private static long id(JsonNode outcomes, String fileName) {
		return outcome(outcomes, fileName).path("id").asLong();
	}

	/** The document once ingestion is over, within a generous bound. */
	static JsonNode done(Http admin, long id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			JsonNode document = Http.json(admin.get(BASE + "/documents/" + id)).path("document");
			String status = document.path("status").asString();
			if (status.equals("ready") || status.equals("failed") || System.nanoTime() > deadline) {
				return document;
			}
			Thread.sleep(100);
		}
	}

}
