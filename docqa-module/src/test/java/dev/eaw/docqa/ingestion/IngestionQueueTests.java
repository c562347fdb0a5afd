package dev.eaw.docqa.ingestion;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eaw.docqa.extraction.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingestion queue with readings that never end on their own (they ignore interrupts, as a parser deep in a huge
 * file does): the time limit, a cancel and a close each free the queue for the next document.
 */
class IngestionQueueTests {

	final CountDownLatch never = new CountDownLatch(1);

	final List<String> outcomes = new CopyOnWriteArrayList<>();

	final CountDownLatch finished = new CountDownLatch(2);

	/** A reading stuck until the test ends, whatever interrupts it. */
	String stuck() {
		while (true) {
			try {
				never.await();
				return "released";
			}
			catch (InterruptedException ex) {
				// a parser that does not look at its interrupt
			}
		}
	}

	@AfterEach
	void release() {
		never.countDown();
	}

	void work(IngestionQueue queue, long id, java.util.concurrent.Callable<String> reading) {
		queue.submit(id, () -> {
			try {
				outcomes.add(id + ": " + queue.read(id, reading));
			}
			catch (Refusal ex) {
				outcomes.add(id + ": refused: " + ex.reason());
			}
			catch (IngestionQueue.Stopped ex) {
				outcomes.add(id + ": stopped");
			}
			finally {
				finished.countDown();
			}
		});
	}

	/** Document 1's reading gets stuck, document 2 waits behind it; returns once the stuck reading has begun. */
	void stuckFirstThenRead(IngestionQueue queue) throws InterruptedException {
		CountDownLatch reading = new CountDownLatch(1);
		work(queue, 1, () -> {
			reading.countDown();
			return stuck();
		});
		work(queue, 2, () -> "read");
		assertThat(reading.await(20, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aReadingOverTheTimeLimitIsRefusedAndTheNextDocumentGoesOn() throws InterruptedException {
		try (IngestionQueue queue = new IngestionQueue(Duration.ofMillis(300))) {
			work(queue, 1, this::stuck);
			work(queue, 2, () -> "read");
			assertThat(finished.await(20, TimeUnit.SECONDS)).as("did not hang").isTrue();
		}
		assertThat(outcomes).containsExactly("1: refused: Reading the file took longer than 300 ms, the limit; it was set aside.",
				"2: read");
	}

	@Test
	void cancellingADocumentStopsItsReadingAndTheNextDocumentGoesOn() throws InterruptedException {
		try (IngestionQueue queue = new IngestionQueue(Duration.ofMinutes(5))) {
			stuckFirstThenRead(queue);
			queue.cancel(1);
			assertThat(finished.await(20, TimeUnit.SECONDS)).as("did not hang").isTrue();
		}
		assertThat(outcomes).containsExactly("1: stopped", "2: read");
	}

	@Test
	void aCancelledDocumentStillQueuedNeverStarts() throws InterruptedException {
		try (IngestionQueue queue = new IngestionQueue(Duration.ofMinutes(5))) {
			CountDownLatch first = new CountDownLatch(1);
			CountDownLatch proceed = new CountDownLatch(1);
			queue.submit(1, () -> {
				first.countDown();
				await(proceed);
				finished.countDown();
			});
			work(queue, 2, () -> "read");
			CountDownLatch third = new CountDownLatch(1);
			queue.submit(3, third::countDown);
			assertThat(first.await(20, TimeUnit.SECONDS)).isTrue();
			queue.cancel(2);
			proceed.countDown();
			assertThat(third.await(20, TimeUnit.SECONDS)).as("the document after it ran").isTrue();
		}
		assertThat(outcomes).isEmpty();
	}

	@Test
	void closingStopsTheReadingUnderWayAndWhatIsStillQueued() throws InterruptedException {
		IngestionQueue queue = new IngestionQueue(Duration.ofMinutes(5));
		stuckFirstThenRead(queue);
		queue.close();
		assertThat(queue.closing()).isTrue();
		assertThat(queue.stopped(3)).isTrue();
		assertThat(outcomes).containsExactly("1: stopped");
	}

	@Test
	void timeLimitsReadAsPeopleSayThem() {
		assertThat(IngestionQueue.describe(Duration.ofMinutes(2))).isEqualTo("2 minutes");
		assertThat(IngestionQueue.describe(Duration.ofSeconds(60))).isEqualTo("1 minute");
		assertThat(IngestionQueue.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
		assertThatThrownBy(() -> new IngestionQueue(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
