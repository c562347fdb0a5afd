package dev.eaw.web.insights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

import dev.eaw.insights.CsvLayout;
import dev.eaw.insights.Datasets;
import dev.eaw.kernel.InvalidInput;
import jakarta.annotation.PreDestroy;

/**
 * Uploaded CSV files waiting to be confirmed, and the loads running in the background. An upload is kept in a
 * temporary file under an id until it is loaded or an hour has passed.
 */
@Component
class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private static final Duration KEEP = Duration.ofHours(1);

	private record Upload(Path file, String originalName, Instant at) {
	}

	private final Datasets datasets;

	private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

	private final Map<String, LoadJob> jobs = new ConcurrentHashMap<>();

	private final ExecutorService loaders = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "insights-load");
		thread.setDaemon(true);
		return thread;
	});

	Uploads(Datasets datasets) {
		this.datasets = datasets;
	}

	/** Keeps an uploaded file for a later load; refuses an empty one at once. */
	String keep(MultipartFile file) {
		if (file.isEmpty()) {
			throw new InvalidInput("The file '" + file.getOriginalFilename() + "' is empty.");
		}
		try {
			Path path = Files.createTempFile("eaw-upload-", ".csv");
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			String id = UUID.randomUUID().toString();
			uploads.put(id, new Upload(path, String.valueOf(file.getOriginalFilename()), Instant.now()));
			return id;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not store the upload: " + ex.getMessage(), ex);
		}
	}

	Path file(String uploadId) {
		Upload upload = uploads.get(uploadId);
		if (upload == null) {
			throw new InvalidInput("That upload has expired or was already loaded; upload the file again.");
		}
		return upload.file();
	}

	String originalName(String uploadId) {
		Upload upload = uploads.get(uploadId);
		return upload == null ? "" : upload.originalName();
	}

	/** Starts loading a kept upload in the background; the job's id is returned. */
	String startLoad(String uploadId, String name, @Nullable CsvLayout layout, String description, String user) {
		Path file = file(uploadId);
		String id = UUID.randomUUID().toString();
		LoadJob job = new LoadJob(id, name, file.toFile().length());
		jobs.put(id, job);
		loaders.submit(() -> {
			try {
				long rows = datasets.load(name, file, layout, description, user, job::advanced).rowCount();
				job.done(rows);
			}
			catch (ErrorResponseException ex) {
				job.failed(String.valueOf(ex.getBody().getDetail()));
			}
			catch (RuntimeException ex) {
				log.error("Loading {} failed", name, ex);
				job.failed("The load failed: " + ex.getMessage());
			}
			finally {
				discard(uploadId);
			}
		});
		return id;
	}

	Optional<LoadJob> job(String id) {
		return Optional.ofNullable(jobs.get(id));
	}

	void discard(String uploadId) {
		Upload upload = uploads.remove(uploadId);
		if (upload != null) {
			try {
				Files.deleteIfExists(upload.file());
			}
			catch (IOException ex) {
				log.warn("Could not delete {}", upload.file());
			}
		}
	}

	@Scheduled(fixedDelay = 600_000)
	void expire() {
		Instant limit = Instant.now().minus(KEEP);
		uploads.entrySet().stream().filter(e -> e.getValue().at().isBefore(limit)).map(Map.Entry::getKey).toList()
			.forEach(this::discard);
		jobs.entrySet().removeIf(e -> !"loading".equals(e.getValue().view().status()) && jobs.size() > 100);
	}

	@PreDestroy
	void stop() {
		loaders.shutdownNow();
		uploads.keySet().forEach(this::discard);
	}

}
