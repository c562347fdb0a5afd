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
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

import dev.eaw.insights.CsvLayout;
import dev.eaw.insights.Datasets;
import dev.eaw.insights.LoadStates;
import dev.eaw.kernel.InvalidInput;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Uploaded CSV files waiting to be confirmed, and the loads running in the background. An upload is kept in a
 * temporary file of its own directory under an id until it is loaded, an hour has passed or the application stops;
 * files an earlier run left there (it was killed) are deleted once they are an hour old, at start and every ten
 * minutes. Loads are written down in {@link LoadStates}, so a load the application's stop interrupted answers
 * "interrupted" after the restart.
 */
@Component
class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private static final Duration KEEP = Duration.ofHours(1);

	private record Upload(Path file, String originalName, Instant at) {
	}

	/** Where uploads wait: a directory of their own, so what a killed run left behind is found again. */
	static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "eaw-insights-uploads");

	private final Datasets datasets;

	private final LoadStates states;

	private volatile boolean stopping;

	private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

	private final Map<String, LoadJob> jobs = new ConcurrentHashMap<>();

	private final ExecutorService loaders = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "insights-load");
		thread.setDaemon(true);
		return thread;
	});

	Uploads(Datasets datasets, LoadStates states) {
		this.datasets = datasets;
		this.states = states;
	}

	/** At start: loads an earlier run left running were interrupted, and its old upload files are garbage. */
	@PostConstruct
	void start() {
		int interrupted = states.interruptLeftovers();
		if (interrupted > 0) {
			log.warn("{} CSV load(s) were interrupted when the application last stopped", interrupted);
		}
		deleteStaleFiles();
	}

	/** Keeps an uploaded file for a later load; refuses an empty one at once. */
	String keep(MultipartFile file) {
		if (file.isEmpty()) {
			throw new InvalidInput("The file '" + file.getOriginalFilename() + "' is empty.");
		}
		try {
			Files.createDirectories(DIRECTORY);
			Path path = Files.createTempFile(DIRECTORY, "upload-", ".csv");
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
		states.started(id, name, file.toFile().length());
		jobs.put(id, job);
		loaders.submit(() -> {
			try {
				long rows = datasets.load(name, file, layout, description, user, job::advanced).rowCount();
				job.done(rows);
				states.ended(id, "done", rows, null);
			}
			catch (RuntimeException ex) {
				if (stopping) {
					interrupt(id, job);
				}
				else {
					String reason = ex instanceof ErrorResponseException response
							? String.valueOf(response.getBody().getDetail()) : "The load failed; the log has the details.";
					if (!(ex instanceof ErrorResponseException)) {
						log.error("Loading {} failed", name, ex);
					}
					job.failed(reason);
					states.ended(id, "failed", 0, reason);
				}
			}
			finally {
				discard(uploadId);
			}
		});
		return id;
	}

	/** A load of this run, or as an earlier run wrote it down. */
	Optional<LoadJob.View> view(String id) {
		LoadJob job = jobs.get(id);
		return job != null ? Optional.of(job.view()) : states.find(id).map(LoadJob::of);
	}

	private void interrupt(String id, LoadJob job) {
		job.interrupted(LoadStates.INTERRUPTED);
		states.ended(id, "interrupted", job.rows(), LoadStates.INTERRUPTED);
	}

	private void deleteStaleFiles() {
		if (!Files.isDirectory(DIRECTORY)) {
			return;
		}
		Instant limit = Instant.now().minus(KEEP);
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			files.filter(file -> modified(file).isBefore(limit)).forEach(file -> {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.warn("Could not delete {}", file);
				}
			});
		}
		catch (IOException ex) {
			log.warn("Could not list {}", DIRECTORY);
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return Instant.MAX;
		}
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
		jobs.entrySet().removeIf(e -> !e.getValue().loading() && jobs.size() > 100);
		deleteStaleFiles();
	}

	/** The application stops: running loads are interrupted and written down so, and every upload file deleted. */
	@PreDestroy
	void stop() {
		stopping = true;
		loaders.shutdownNow();
		jobs.forEach((id, job) -> {
			if (job.loading()) {
				interrupt(id, job);
			}
		});
		uploads.keySet().forEach(this::discard);
	}

}
