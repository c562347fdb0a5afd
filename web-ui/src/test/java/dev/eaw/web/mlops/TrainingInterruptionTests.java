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
import dev.eaw.mlops.HyperparameterSearch;
import dev.eaw.mlops.LoggedModels;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.NewRun;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunSearch;
import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrainingDataSource;
import dev.eaw.mlops.TrainingJob;
import dev.eaw.mlops.TrainingRequest;
import dev.eaw.mlops.TrainingState;
import dev.eaw.mlops.TrainingTable;
import dev.eaw.mlops.ViewType;
import dev.eaw.mlops.training.BackgroundModelTraining;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training jobs a server stop interrupts. A graceful stop gives the running job the grace period to finish; past it,
 * the job stops and its run ends FAILED with an end time and {@code eaw.failure_reason}; queued jobs wait for the next
 * start (these tests run their own training component, on the application's stores, over a data source they
 * control). A kill -9 leaves the job and its runs (a grid search's child runs too) RUNNING: the next start ends them
 * FAILED the same way, and also the runs earlier versions left RUNNING behind jobs they had marked failed. Runs of
 * no training job are left as they are.
 */
@AppTest
class TrainingInterruptionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RunTracking runs;

	@Autowired
	ExperimentTracking experiments;

	@Autowired
	ArtifactStore artifacts;

	@Autowired
	LoggedModels loggedModels;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	BackgroundModelTraining application;

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
		SlowSource source = new SlowSource(null, 80);
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
	void aStopDuringAGridSearchFailsTheJobsRunAndItsChildRuns() throws InterruptedException {
		BackgroundModelTraining training = training(new SlowSource(Duration.ZERO, 40_000), Duration.ofMillis(200));
		TrainingJob job = training.submit(new TrainingRequest("slow", "y", MlTask.CLASSIFICATION,
				"logistic-regression", Map.of(), new HyperparameterSearch("grid", 0, Map.of("epochs",
						List.of("300", "301"))), "shutdown-" + UUID.randomUUID(), 42, 0.2, null), "admin");
		jobs.add(job.id());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!training.find(job.id()).orElseThrow().stage().startsWith("search") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}

		training.close();

		TrainingJob stopped = training.find(job.id()).orElseThrow();
		assertThat(stopped.state()).isEqualTo(TrainingState.FAILED);
		List<Run> jobRuns = new ArrayList<>(runs.search(new RunSearch(List.of(stopped.experimentId()), null,
				ViewType.ALL, 100, List.of(), null)).items());
		assertThat(jobRuns).hasSizeGreaterThanOrEqualTo(2);
		for (Run run : jobRuns) {
			assertThat(run.info().status()).as(run.info().runName()).isEqualTo(RunStatus.FAILED);
			assertThat(run.info().endTime()).as(run.info().runName()).isNotNull();
			assertThat(run.data().tags()).as(run.info().runName())
				.contains(new Tag("eaw.failure_reason", "interrupted by a server stop"));
		}
	}

	@Test
	void theRunningJobFinishesWithinTheGracePeriod() throws InterruptedException {
		SlowSource source = new SlowSource(Duration.ofMillis(1500), 80);
		BackgroundModelTraining training = training(source, Duration.ofSeconds(60));
		TrainingJob running = submit(training);
		assertThat(source.reading.await(60, TimeUnit.SECONDS)).as("the job started reading").isTrue();

		training.close();

		TrainingJob finished = training.find(running.id()).orElseThrow();
		assertThat(finished.state()).as(String.valueOf(finished.error())).isEqualTo(TrainingState.FINISHED);
		assertThat(runs.get(finished.runId()).info().status()).isEqualTo(RunStatus.FINISHED);
	}

	@Test
	void theNextStartEndsTheRunsOfJobsAHardKillInterrupted() {
		String experiment = experiments.create("killed-" + UUID.randomUUID(), null, List.of());
		String killed = job("RUNNING");
		Run parent = runs.create(new NewRun(experiment, "admin", "killed", null,
				List.of(new Tag("eaw.training.job", killed))));
		Run finishedChild = child(experiment, parent, 1);
		runs.update(finishedChild.info().runId(), RunStatus.FINISHED, System.currentTimeMillis(), null);
		Run runningChild = child(experiment, parent, 2);
		String olderFailure = job("FAILED");
		Run leftBehind = runs.create(new NewRun(experiment, "admin", "left-behind", null,
				List.of(new Tag("eaw.training.job", olderFailure))));
		Run byHand = runs.create(new NewRun(experiment, "admin", "by-hand", null, List.of()));
		Run claimsAJob = runs.create(new NewRun(experiment, "admin", "claims-a-job", null,
				List.of(new Tag("eaw.training.job", "no-such-job"))));

		application.resume();

		for (Run run : List.of(parent, runningChild, leftBehind)) {
			Run repaired = runs.get(run.info().runId());
			assertThat(repaired.info().status()).as(run.info().runName()).isEqualTo(RunStatus.FAILED);
			assertThat(repaired.info().endTime()).as(run.info().runName()).isNotNull();
			assertThat(repaired.data().tags()).as(run.info().runName())
				.contains(new Tag("eaw.failure_reason", "interrupted by a server stop"));
		}
		assertThat(runs.get(finishedChild.info().runId()).info().status()).isEqualTo(RunStatus.FINISHED);
		assertThat(runs.get(byHand.info().runId()).info().status()).isEqualTo(RunStatus.RUNNING);
		assertThat(runs.get(byHand.info().runId()).info().endTime()).isNull();
		assertThat(runs.get(claimsAJob.info().runId()).info().status()).isEqualTo(RunStatus.RUNNING);
		assertThat(application.find(killed).orElseThrow().state()).isEqualTo(TrainingState.FAILED);
	}

	private Run child(String experiment, Run parent, int n) {
		return runs.create(new NewRun(experiment, "admin", "killed-" + n, null,
				List.of(new Tag("mlflow.parentRunId", parent.info().runId()))));
	}

	/** A job row as a stop leaves it; its request names a dataset no one has, should anything run it. */
	private String job(String state) {
		String id = UUID.randomUUID().toString().replace("-", "");
		TrainingRequest request = new TrainingRequest("no-such-dataset", "y", MlTask.CLASSIFICATION,
				"logistic-regression", Map.of(), null, "Default", 42, 0.2, null);
		jdbc.sql("INSERT INTO mlops.training_jobs (id, state, stage, request, user_name) "
				+ "VALUES (:id, :state, 'search: candidate 2 of 4', :request, 'admin')")
			.param("id", id)
			.param("state", state)
			.param("request", Http.JSON.writeValueAsString(request))
			.update();
		return id;
	}

	private BackgroundModelTraining training(TrainingDataSource source, Duration grace) {
		return new BackgroundModelTraining(jdbc, source, experiments, runs, artifacts, loggedModels, events, 100_000,
				grace);
	}

	private TrainingJob submit(BackgroundModelTraining training) {
		TrainingJob job = training.submit(new TrainingRequest("slow", "y", MlTask.CLASSIFICATION, "logistic-regression",
				Map.of(), null, "shutdown-" + UUID.randomUUID(), 42, 0.2, null), "admin");
		jobs.add(job.id());
		return job;
	}

	/**
	 * A table of {@code rows} rows whose full read is slow: it waits {@code delay}, or (without one) until the reading
	 * thread is interrupted. The one-row read a request is checked with answers at once.
	 */
	static final class SlowSource implements TrainingDataSource {

		final CountDownLatch reading = new CountDownLatch(1);

		private final @Nullable Duration delay;

		private final int rows;

		SlowSource(@Nullable Duration delay, int rows) {
			this.delay = delay;
			this.rows = rows;
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
			for (int i = 0; i < Math.min(maxRows, this.rows); i++) {
				rows.add(new Object[] { (double) i, i % 2 == 0 ? "even" : "odd", (double) (i % 2) });
			}
			return new TrainingTable(name, List.of(new TrainingTable.Column("x", true),
					new TrainingTable.Column("y", false), new TrainingTable.Column("z", true)), rows);
		}

	}

}
