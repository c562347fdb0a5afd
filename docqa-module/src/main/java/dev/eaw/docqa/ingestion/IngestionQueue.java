package dev.eaw.docqa.ingestion;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eaw.docqa.extraction.Refusal;

/**
 * The ingestion queue: one thread takes the documents in order, and reads each document's file on a thread of its own
 * that the queue waits for at most the time limit and then abandons (interrupted), so one file never holds up the
 * next. Cancelling a document (it was deleted) stops its reading at once and the rest of its work at the next step;
 * closing the queue stops the current document at its next step, leaving it to be resumed at the next start.
 */
public final class IngestionQueue implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IngestionQueue.class);

	/** The document's work has to stop: it was cancelled, or the queue is closing. */
	static final class Stopped extends RuntimeException {

		Stopped() {
			super("stopped", null, false, false);
		}

	}

	/** A document with work queued or running: how many tasks, whether cancelled, the reading under way. */
	private static final class Job {

		int tasks;

		volatile boolean cancelled;

		volatile @Nullable Future<?> reading;

	}

	private final Duration maxExtraction;

	private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

	private final ExecutorService queue = Executors.newSingleThreadExecutor(daemon("eaw-docqa-ingestion"));

	private final ExecutorService readers = Executors.newCachedThreadPool(daemon("eaw-docqa-extraction"));

	private volatile boolean closing;

	public IngestionQueue(Duration maxExtraction) {
		if (maxExtraction.isNegative() || maxExtraction.isZero()) {
			throw new IllegalArgumentException("The extraction time limit must be positive");
		}
		this.maxExtraction = maxExtraction;
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Queues work on a document, run after everything queued before it unless the document is cancelled first. */
	void submit(long id, Runnable work) {
		jobs.compute(id, (key, job) -> {
			Job queued = job == null ? new Job() : job;
			queued.tasks++;
			return queued;
		});
		queue.execute(() -> {
			try {
				if (!stopped(id)) {
					work.run();
				}
			}
			finally {
				jobs.computeIfPresent(id, (key, job) -> --job.tasks == 0 ? null : job);
			}
		});
	}

	/**
	 * Runs {@code reading} on its own thread and waits at most the time limit: past it the reading is abandoned and
	 * the document refused; a cancel or a close meanwhile is {@link Stopped}.
	 */
	<T> T read(long id, Callable<T> reading) {
		Job job = jobs.get(id);
		Future<T> future = readers.submit(reading);
		if (job != null) {
			job.reading = future;
		}
		try {
			if (stopped(id)) {
				future.cancel(true);
			}
			return future.get(maxExtraction.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			log.warn("Reading the file of document {} took longer than {}; abandoned", id, describe(maxExtraction));
			throw new Refusal("Reading the file took longer than " + describe(maxExtraction)
					+ ", the limit; it was set aside.");
		}
		catch (CancellationException ex) {
			throw new Stopped();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new Stopped();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			if (job != null) {
				job.reading = null;
			}
		}
	}

	/** Whether the document's work has to stop: it was cancelled, or the queue is closing. */
	boolean stopped(long id) {
		if (closing) {
			return true;
		}
		Job job = jobs.get(id);
		return job != null && job.cancelled;
	}

	boolean closing() {
		return closing;
	}

	/** Stops the document's work: its reading at once, the rest at the next step; its queued work never starts. */
	void cancel(long id) {
		Job job = jobs.get(id);
		if (job != null) {
			job.cancelled = true;
			Future<?> reading = job.reading;
			if (reading != null) {
				reading.cancel(true);
			}
		}
	}

	/** Stops taking work; waits a little for the current document to reach its next step. */
	@Override
	public void close() {
		if (closing) {
			return;
		}
		closing = true;
		jobs.values().forEach(job -> {
			Future<?> reading = job.reading;
			if (reading != null) {
				reading.cancel(true);
			}
		});
		queue.shutdown();
		readers.shutdownNow();
		try {
			if (!queue.awaitTermination(10, TimeUnit.SECONDS)) {
				log.warn("Document ingestion did not stop within 10 s; the next start resumes it");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String describe(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 60 && seconds % 60 == 0) {
			return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
		}
		return seconds >= 1 ? seconds + (seconds == 1 ? " second" : " seconds") : duration.toMillis() + " ms";
	}

}
