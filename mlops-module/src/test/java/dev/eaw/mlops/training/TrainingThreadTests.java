package dev.eaw.mlops.training;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a server stop ends the training thread: the running job may finish within the grace period; past it, the job
 * is told to stop at its next step; one that does not stop is handed over to be marked failed; queued jobs never
 * start once the stop began.
 */
class TrainingThreadTests {

	final List<String> abandoned = new CopyOnWriteArrayList<>();

	final List<String> ran = new CopyOnWriteArrayList<>();

	@Test
	void theRunningJobFinishesWithinTheGracePeriodAndQueuedOnesWait() throws InterruptedException {
		TrainingThread thread = new TrainingThread(Duration.ofSeconds(30), Duration.ofSeconds(1), abandoned::add);
		CountDownLatch started = new CountDownLatch(1);
		thread.queue("first", id -> {
			started.countDown();
			sleep(1500);
			thread.stopIfInterrupted();
			ran.add(id);
		});
		thread.queue("second", ran::add);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		thread.close();

		assertThat(ran).containsExactly("first");
		assertThat(abandoned).isEmpty();
		assertThat(thread.interrupted()).isFalse();
	}

	@Test
	void pastTheGracePeriodTheJobStopsAtItsNextStep() throws InterruptedException {
		TrainingThread thread = new TrainingThread(Duration.ofMillis(200), Duration.ofSeconds(10), abandoned::add);
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean stopped = new AtomicBoolean();
		thread.queue("busy", id -> {
			started.countDown();
			try {
				while (true) {
					busy(20);
					thread.stopIfInterrupted();
				}
			}
			catch (TrainingStopped ex) {
				stopped.set(true);
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		thread.close();

		assertThat(stopped).isTrue();
		assertThat(thread.current()).isNull();
		assertThat(abandoned).isEmpty();
		assertThatThrownBy(thread::stopIfInterrupted).isInstanceOf(TrainingStopped.class)
			.hasMessage("interrupted by a server stop");
	}

	@Test
	void aJobThatDoesNotStopIsHandedOverToBeMarkedFailed() throws InterruptedException {
		TrainingThread thread = new TrainingThread(Duration.ofMillis(100), Duration.ofMillis(200), abandoned::add);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		thread.queue("stuck", id -> {
			started.countDown();
			// ignores interrupts and never reaches a step, as a long native training call would
			while (release.getCount() > 0) {
				busy(20);
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		thread.close();

		assertThat(abandoned).containsExactly("stuck");
		release.countDown();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Works for a while without noticing interrupts. */
	private static void busy(long millis) {
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

}
