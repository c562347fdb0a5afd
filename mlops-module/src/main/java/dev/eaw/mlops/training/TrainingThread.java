package dev.eaw.mlops.training;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread training jobs run on, in the order queued, and how a server stop ends it: no queued job starts any
 * more (they stay queued for the next start), the running one has the grace period to finish, then is interrupted
 * and stops at its next step ({@link #stopIfInterrupted()}); one that does not stop within a short wait
 * ({@link #INTERRUPT_WAIT}) is handed to {@code abandon} to be marked failed.
 */
final class TrainingThread implements AutoCloseable {

	/** How long a stop waits for the running job to notice it has to stop. */
	static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(TrainingThread.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "eaw-training");
		thread.setDaemon(true);
		return thread;
	});

	private final Duration grace;

	private final Duration interruptWait;

	private final Consumer<String> abandon;

	/** Set by {@link #close()}: no further job starts. */
	private volatile boolean stopping;

	/** Set once the grace period is over: the running job stops at its next step. */
	private volatile boolean interrupted;

	/** The job running now. */
	private volatile @Nullable String current;

	TrainingThread(Duration grace, Consumer<String> abandon) {
		this(grace, INTERRUPT_WAIT, abandon);
	}

	TrainingThread(Duration grace, Duration interruptWait, Consumer<String> abandon) {
		this.grace = grace;
		this.interruptWait = interruptWait;
		this.abandon = abandon;
	}

	/** Queues a job: {@code job} runs with {@code jobId} unless a stop comes first. */
	void queue(String jobId, Consumer<String> job) {
		executor.execute(() -> {
			if (stopping) {
				return;
			}
			current = jobId;
			try {
				job.accept(jobId);
			}
			finally {
				current = null;
			}
		});
	}

	@Nullable String current() {
		return current;
	}

	/** Whether a stop has run out of patience with the running job. */
	boolean interrupted() {
		return interrupted;
	}

	void stopIfInterrupted() {
		if (interrupted) {
			throw new TrainingStopped();
		}
	}

	@Override
	public void close() {
		stopping = true;
		executor.shutdown();
		try {
			if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Training job {} is still running after the {} grace period: stopping it", current, grace);
				interrupted = true;
				executor.shutdownNow();
				executor.awaitTermination(interruptWait.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			interrupted = true;
			executor.shutdownNow();
		}
		String still = current;
		if (still != null) {
			abandon.accept(still);
		}
	}

}
