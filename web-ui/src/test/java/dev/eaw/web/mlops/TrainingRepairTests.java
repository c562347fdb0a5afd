package dev.eaw.web.mlops;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.NewRun;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrainingRequest;
import dev.eaw.mlops.TrainingState;
import dev.eaw.mlops.training.BackgroundModelTraining;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kill -9 during a training job (a grid search with child runs) leaves the job and its MLflow runs RUNNING; the
 * next start ends the job and every run of it FAILED, with an end time and {@code eaw.failure_reason}, and also the
 * runs earlier versions left RUNNING behind jobs they had already marked failed. Runs of no training job are left be.
 */
@AppTest
class TrainingRepairTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RunTracking runs;

	@Autowired
	ExperimentTracking experiments;

	@Autowired
	BackgroundModelTraining training;

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

		training.resume();

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
		assertThat(training.find(killed).orElseThrow().state()).isEqualTo(TrainingState.FAILED);
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

}
