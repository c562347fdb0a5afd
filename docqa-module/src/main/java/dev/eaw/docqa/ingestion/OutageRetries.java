package dev.eaw.docqa.ingestion;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eaw.docqa.VectorStoreUnavailable;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.jdbc.DocumentRows;

/**
 * Every interval, once the vector store answers, queues again the documents that failed because it did not (their
 * reason is {@link VectorStoreUnavailable#DOCUMENT_REASON}).
 */
final class OutageRetries implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OutageRetries.class);

	private final ChunkIndex index;

	private final DocumentRows documents;

	private final LongConsumer enqueue;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "eaw-docqa-retry");
		thread.setDaemon(true);
		return thread;
	});

	OutageRetries(ChunkIndex index, DocumentRows documents, LongConsumer enqueue) {
		this.index = index;
		this.documents = documents;
		this.enqueue = enqueue;
	}

	void every(Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("eaw.docqa.retry-interval must be positive");
		}
		timer.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Queues the documents that failed because the vector store was not reachable, if it answers now. */
	void run() {
		try {
			if (index.unavailable() != null) {
				return;
			}
			List<Long> ids = documents.retryFailed(VectorStoreUnavailable.DOCUMENT_REASON);
			ids.forEach(enqueue::accept);
			if (!ids.isEmpty()) {
				log.info("The vector store answers again: retrying {} document(s)", ids.size());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not retry the documents that failed while the vector store was not reachable", ex);
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}
