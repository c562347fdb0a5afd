package dev.eaw.web.docqa;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.docqa.IncomingFile;
import dev.eaw.docqa.embedding.Embedders;
import dev.eaw.docqa.extraction.ExtractionLimits;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.ingestion.BackgroundIngestion;
import dev.eaw.docqa.ingestion.CollectionCatalogue;
import dev.eaw.docqa.ingestion.FileStore;
import dev.eaw.docqa.ingestion.IngestionOptions;
import dev.eaw.docqa.ingestion.IngestionQueue;
import dev.eaw.docqa.jdbc.ChunkRows;
import dev.eaw.docqa.jdbc.DocumentRows;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static dev.eaw.web.docqa.DocqaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document Q&amp;A under hostile input: an uploaded page is never served as a page, a DOCX that unpacks huge or is
 * damaged fails on its own without holding up the next file, odd file names and too many files are 4xx, and a
 * shutdown leaves the document it was working on to the next start.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocqaHardeningTests {

	static final String BASE = "/api/docqa/collections/hardening";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	BackgroundIngestion ingestion;

	@Autowired
	CollectionCatalogue collections;

	@Autowired
	DocumentRows documents;

	@Autowired
	ChunkRows chunks;

	@Autowired
	FileStore files;

	@Autowired
	Embedders embedders;

	@Autowired
	ChunkIndex index;

	@Autowired
	ApplicationEventPublisher events;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	Http analyst() {
		return Http.basic(port, "docqa-hardening-analyst", "analyst-secret");
	}

	@BeforeAll
	void collectionAndAnalyst() {
		assertThat(admin().postJson("/api/docqa/collections", "{\"name\": \"hardening\"}").statusCode()).isEqualTo(201);
		accounts.create("docqa-hardening-analyst", "analyst-secret", Role.ANALYST, "test");
	}

	@Test
	void anUploadedPageIsServedAsASandboxedDownloadNeverAsAPage() {
		String page = "<!DOCTYPE html><html><body><h1>Quarterly report</h1><p>Figures.</p><script>"
				+ "fetch('/api/admin/users', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: "
				+ "JSON.stringify({username: 'mallory', password: 'mallory-secret', role: 'ADMIN'})})</script></body></html>";
		long id = Http.json(analyst().uploadFiles(BASE + "/documents", Map.of("report \"q3\".html", utf8(page))))
			.get(0)
			.path("id")
			.asLong();

		HttpResponse<byte[]> content = admin().getBytes(BASE + "/documents/" + id + "/content");
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.headers().firstValue("Content-Disposition").orElse(""))
			.startsWith("attachment;")
			.contains("filename*=UTF-8''report%20q3.html");
		assertThat(content.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
		assertThat(content.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
		assertThat(content.body()).isEqualTo(utf8(page));
	}

	@Test
	void aDocxThatUnpacksHugeFailsAtOnceAndTheNextFileIsNotHeldUp() {
		byte[] expanding = DocqaFixtures.expandingDocx(32 * 1024 * 1024);
		// packed well over 1 % of its unpacked size: POI's zip-bomb ratio check lets it through
		assertThat(expanding.length).isBetween(32 * 1024 * 1024 / 100, 3 * 1024 * 1024);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("expanding.docx", expanding);
		files.put("damaged.docx", DocqaFixtures.damagedDocx());
		files.put("after.md", utf8("# After\n\nThe file uploaded after the expanding one is ingested too.\n"));
		JsonNode outcomes = Http.json(analyst().uploadFiles(BASE + "/documents", files));
		assertThat(outcomes.valueStream().map(o -> o.path("status").asString())).containsOnly("queued");

		JsonNode after = awaitDone(outcomes.get(2).path("id").asLong());
		assertThat(after.path("status").asString()).isEqualTo("ready");
		JsonNode bomb = awaitDone(outcomes.get(0).path("id").asLong());
		assertThat(bomb.path("status").asString()).isEqualTo("failed");
		assertThat(bomb.path("reason").asString()).isEqualTo(
				"The DOCX file is too large when unpacked: its text (word/document.xml) is over 20 MB, the limit.");
		JsonNode damaged = awaitDone(outcomes.get(1).path("id").asLong());
		assertThat(damaged.path("status").asString()).isEqualTo("failed");
		assertThat(damaged.path("reason").asString()).isEqualTo("The DOCX file is damaged or not a Word document.");
	}

	@Test
	void controlCharactersInFileNamesAreDroppedAndANulByteIsA400() {
		HttpResponse<String> response = analyst().uploadFiles(BASE + "/documents",
				Map.of("bell\u0007\u0085\u202eexe.txt", utf8("A note whose name holds control characters.")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode outcome = Http.json(response).get(0);
		assertThat(outcome.path("fileName").asString()).isEqualTo("bellexe.txt");
		JsonNode document = Http.json(admin().get(BASE + "/documents/" + outcome.path("id").asLong()));
		assertThat(document.path("document").path("fileName").asString()).isEqualTo("bellexe.txt");

		// Tomcat refuses to read a multipart request with a NUL in a file name at all
		HttpResponse<String> nul = analyst().uploadFiles(BASE + "/documents",
				Map.of("nul\u0000name.txt", utf8("A note whose name holds a NUL byte.")));
		assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
		assertThat(Http.json(nul).path("detail").asString())
			.isEqualTo("A file name holds a NUL character; rename the file and upload it again.");
	}

	@Test
	void moreThanFiftyFilesInOneUploadAreRefusedWithTheLimit() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (int i = 0; i < 51; i++) {
			files.put("many-" + i + ".txt", utf8("Note number " + i + " of many."));
		}
		HttpResponse<String> response = analyst().uploadFiles(BASE + "/documents", files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).isEqualTo("At most 50 files per upload; this one has 51.");
		assertThat(jdbc.sql("SELECT count(*) FROM docqa.documents WHERE file_name LIKE 'many-%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aShutdownPutsTheDocumentItWasEmbeddingBackInTheQueueAndTheNextStartFinishesIt() {
		IngestionQueue queue = new IngestionQueue(Duration.ofMinutes(2));
		BackgroundIngestion stopping = new BackgroundIngestion(collections, documents, chunks, files, embedders, index,
				events, queue, new IngestionOptions(5 << 20, 50, 350, 50, new ExtractionLimits(100 << 20, 20 << 20)));
		byte[] bytes = roasteryLog(100);
		long id = stopping.upload("hardening",
				List.of(new IncomingFile("roastery-log.md", bytes.length, "text/markdown", new ByteArrayResource(bytes))),
				"test").get(0).id();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!status(id).equals("embedding")) {
				assertThat(System.nanoTime()).as("document still %s", status(id)).isLessThan(deadline);
				DocqaApiTests.sleep(10);
			}
		}
		finally {
			stopping.close();
		}
		assertThat(status(id)).isEqualTo("queued");
		DocqaApiTests.sleep(1000);
		assertThat(status(id)).as("nothing runs on after the stop").isEqualTo("queued");

		ingestion.resume(); // as at the next start
		JsonNode resumed = awaitDone(id);
		assertThat(resumed.path("status").asString()).isEqualTo("ready");
		assertThat(resumed.path("chunks").asInt()).isGreaterThan(50);
	}

	@Test
	void deletingADocumentWhileItIsEmbeddedStopsItAndLeavesNothingBehind() {
		long id = Http.json(analyst().uploadFiles(BASE + "/documents", Map.of("roastery-log-2.md", roasteryLog(90))))
			.get(0)
			.path("id")
			.asLong();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!status(id).equals("embedding")) {
			assertThat(System.nanoTime()).as("document still %s", status(id)).isLessThan(deadline);
			DocqaApiTests.sleep(10);
		}
		assertThat(analyst().delete(BASE + "/documents/" + id).statusCode()).isEqualTo(204);
		long next = Http.json(analyst().uploadFiles(BASE + "/documents", Map.of("next.txt", utf8("The next note."))))
			.get(0)
			.path("id")
			.asLong();
		assertThat(awaitDone(next).path("status").asString()).isEqualTo("ready");
		assertThat(admin().get(BASE + "/documents/" + id).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM docqa.chunks WHERE document_id = ?").param(id).query(Long.class).single())
			.isZero();
		JsonNode hits = Http.json(admin().get(BASE + "/search?mode=bm25&q=roast+batch+drum+temperature"));
		assertThat(hits.valueStream().map(h -> h.path("documentId").asLong())).doesNotContain(id);
		assertThat(files.path(id)).doesNotExist();
	}

	/** A Markdown log of {@code batches} sections, each about one chunk long. */
	static byte[] roasteryLog(int batches) {
		StringBuilder markdown = new StringBuilder("# Roastery log\n\n");
		for (int section = 1; section <= batches; section++) {
			markdown.append("## Batch ").append(section).append("\n\n");
			for (int sentence = 1; sentence <= 12; sentence++) {
				markdown.append("Roast batch ").append(section).append(" reached stage ").append(sentence)
					.append(" at a drum temperature of ").append(180 + section % 40).append(" degrees. ");
			}
			markdown.append("\n\n");
		}
		return utf8(markdown.toString());
	}

	String status(long id) {
		return jdbc.sql("SELECT status FROM docqa.documents WHERE id = ?").param(id).query(String.class).single();
	}

	/** The document once it is ready or failed; fails if that takes longer than a generous minute and a half. */
	JsonNode awaitDone(long id) {
		Predicate<String> done = s -> s.equals("ready") || s.equals("failed");
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			JsonNode document = Http.json(admin().get(BASE + "/documents/" + id)).path("document");
			if (done.test(document.path("status").asString())) {
				return document;
			}
			assertThat(System.nanoTime()).as("document %d still %s", id, document.path("status").asString())
				.isLessThan(deadline);
			DocqaApiTests.sleep(200);
		}
	}


}
