package dev.eaw.web.insights;

import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

import dev.eaw.insights.Datasets;
import dev.eaw.insights.LoadStates;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A background CSV load that the application's stop interrupts: its upload file is deleted, and after the restart its
 * id answers "interrupted" instead of 404. The run before the restart is a second {@link Uploads} on the same
 * database, whose load never ends by itself.
 */
@AppTest
class LoadInterruptionTests {

	@LocalServerPort
	int port;

	@Autowired
	LoadStates states;

	Http admin() {
		return Http.basic(port, "admin", AppTest.ADMIN_PASSWORD);
	}

	@Test
	void aLoadTheStopInterruptsLeavesNoFileAndAnswersInterruptedAfterwards() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		Uploads before = new Uploads(endlessLoads(loading), states);
		before.start();
		String uploadId = before.keep(new MockMultipartFile("file", "big.csv", "text/csv",
				"a,b\n1,2\n".repeat(1000).getBytes(StandardCharsets.UTF_8)));
		Path file = before.file(uploadId);
		String id = before.startLoad(uploadId, "never_loaded", null, "", "admin");
		assertThat(loading.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(file).exists();

		before.stop();

		assertThat(file).doesNotExist();
		HttpResponse<String> response = admin().get("/api/insights/loads/" + id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode job = Http.json(response);
		assertThat(job.path("status").asString()).isEqualTo("interrupted");
		assertThat(job.path("dataset").asString()).isEqualTo("never_loaded");
		assertThat(job.path("error").asString()).contains("interrupted when the application stopped");
	}

	@Test
	void aLoadAKilledRunLeftIsInterruptedAtTheNextStartAndItsOldFileDeleted() throws Exception {
		String id = UUID.randomUUID().toString();
		states.started(id, "killed_load", 66_800_000);
		Files.createDirectories(Uploads.DIRECTORY);
		Path stale = Files.createTempFile(Uploads.DIRECTORY, "upload-", ".csv");
		Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		Path recent = Files.createTempFile(Uploads.DIRECTORY, "upload-", ".csv");
		try {
			new Uploads(endlessLoads(new CountDownLatch(1)), states).start();

			assertThat(stale).doesNotExist();
			assertThat(recent).as("may belong to a running upload").exists();
			JsonNode job = Http.json(admin().get("/api/insights/loads/" + id));
			assertThat(job.path("status").asString()).isEqualTo("interrupted");
			assertThat(job.path("totalBytes").asLong()).isEqualTo(66_800_000);
		}
		finally {
			Files.deleteIfExists(recent);
		}
		assertThat(admin().get("/api/insights/loads/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	/** Datasets whose load runs until its thread is interrupted, as a long COPY does. */
	private static Datasets endlessLoads(CountDownLatch loading) {
		return (Datasets) Proxy.newProxyInstance(Datasets.class.getClassLoader(), new Class<?>[] { Datasets.class },
				(self, method, args) -> {
					if (!method.getName().equals("load")) {
						throw new UnsupportedOperationException(method.getName());
					}
					loading.countDown();
					try {
						Thread.sleep(Duration.ofMinutes(5).toMillis());
					}
					catch (InterruptedException ex) {
						throw new IllegalStateException("COPY interrupted", ex);
					}
					throw new IllegalStateException("not interrupted");
				});
	}

}
