package dev.eaw.web.mlops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrainingDataSource;
import dev.eaw.mlops.TrainingJob;
import dev.eaw.mlops.TrainingRequest;
import dev.eaw.mlops.TrainingState;
import dev.eaw.mlops.TrainingTable;
import dev.eaw.mlops.training.BackgroundModelTraining;
import dev.eaw.web.AppTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graceful server stop during a training job: the running job gets the grace period to finish; past it, the job
 * stops and its run ends FAILED with an end time and {@code eaw.failure_reason}; queued jobs wait for the next start.
 * Each test runs its own training component (on the application's stores) over a data source it controls.
 */
@AppTest
class TrainingShutdownTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RunTracking runs;

	@Autowired
	ExperimentTracking experiments;

	@Autowired
	ArtifactStore artifacts;

	@Autowired
	ApplicationEventPublisher events;

	final List<String> jobs = new ArrayList<>();

	@AfterEach
	void forgetQueuedJobs() {
		// a job left queued on purpose names a dataset only this test has: keep the application's trainer off it
		jobs.forEach(id -> jdbc.sql("DELETE FROM mlops.training_jobs WHERE id = :id AND state = 'QUEUED'")
			.param("id", id)
			.update());
	}

	@Test
	void aStopPastTheGracePeriodFailsTheRunningJobAndItsRun() throws InterruptedException {
		SlowSource source = new SlowSource(null);
		BackgroundModelTraining training = training(source, Duration.ofMillis(500));
		TrainingJob running = submit(training);
		TrainingJob queued = submit(training);
		assertThat(source.reading.await(60, TimeUnit.SECONDS)).as("the job started reading").isTrue();

		long started = System.nanoTime();
		training.close();
		assertThat(System.nanoTime() - started).as("did not hang").isLessThan(15_000_000_000L);

		TrainingJob stopped = training.find(running.id()).orElseThrow();
		assertThat(stopped.state()).isEqualTo(TrainingState.FAILED);
		assertThat(stopped.error()).contains("interrupted by a server stop");
		Run run = runs.get(stopped.runId());
		assertThat(run.info().status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.info().endTime()).isNotNull();
		assertThat(run.data().tags()).contains(new Tag("eaw.failure_reason", "interrupted by a server stop"));
		assertThat(training.find(queued.id()).orElseThrow().state()).as("runs at the next start")
			.isEqualTo(TrainingState.QUEUED);
	}

	@Test
	void theRunningJobFinishesWithinTheGracePeriod() throws InterruptedException {
		SlowSource source = new SlowSource(Duration.ofMillis(1500));
		BackgroundModelTraining training = training(source, Duration.ofSeconds(60));
		TrainingJob running = submit(training);
		assertThat(source.reading.await(60, TimeUnit.SECONDS)).as("the job started reading").isTrue();

		training.close();

		TrainingJob finished = training.find(running.id()).orElseThrow();
		assertThat(finished.state()).as(String.valueOf(finished.error())).isEqualTo(TrainingState.FINISHED);
		assertThat(runs.get(finished.runId()).info().status()).isEqualTo(RunStatus.FINISHED);
	}

	private BackgroundModelTraining training(TrainingDataSource source, Duration grace) {
		return new BackgroundModelTraining(jdbc, source, experiments, runs, artifacts, events, 10_000, grace);
	}

	private TrainingJob submit(BackgroundModelTraining training) {
		TrainingJob job = training.submit(new TrainingRequest("slow", "y", MlTask.CLASSIFICATION, "logistic-regression",
				Map.of(), null, "shutdown-" + UUID.randomUUID(), 42, 0.2, null), "admin");
		jobs.add(job.id());
		return job;
	}

	/**
	 * A table whose full read is slow: it waits {@code delay}, or (without one) until the reading thread is
	 * interrupted. The one-row read a request is checked with answers at once.
	 */
	static final class SlowSource implements TrainingDataSource {

		final CountDownLatch reading = new CountDownLatch(1);

		private final @Nullable Duration delay;

		SlowSource(@Nullable Duration delay) {
			this.delay = delay;
		}

		@Override
		public TrainingTable read(String name, int maxRows) {
			if (maxRows > 1) {
				reading.countDown();
				try {
					Thread.sleep(delay == null ? 120_000 : delay.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("reading was interrupted", ex);
				}
			}
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < Math.min(maxRows, 80); i++) {
				rows.add(new Object[] { (double) i, i % 2 == 0 ? "even" : "odd", (double) (i % 2) });
			}
			return new TrainingTable(name, List.of(new TrainingTable.Column("x", true),
					new TrainingTable.Column("y", false), new TrainingTable.Column("z", true)), rows);
		}

	}

}
