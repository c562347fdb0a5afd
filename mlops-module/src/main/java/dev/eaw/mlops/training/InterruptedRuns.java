package dev.eaw.mlops.training;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;

/**
 * Ends the MLflow runs a stopped training job left {@code RUNNING}: its run (tagged {@code eaw.training.job}) and the
 * child runs of a search (whose {@code mlflow.parentRunId} is that run) become {@code FAILED} with an end time and an
 * {@code eaw.failure_reason} tag.
 */
final class InterruptedRuns {

	static final String REASON_TAG = "eaw.failure_reason";

	static final String STOPPED = "interrupted by a server stop";

	private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

	/**
	 * Runs still RUNNING of a training job (its own {@code eaw.training.job} tag or its parent's names a job there
	 * is); {@code %s} tests the job id.
	 */
	private static final String RUNNING = "SELECT r.run_uuid FROM mlops.runs r JOIN mlops.tags j "
			+ "ON j.run_uuid = r.run_uuid AND j.key = 'eaw.training.job' JOIN mlops.training_jobs t ON t.id = j.value "
			+ "WHERE r.status = 'RUNNING' AND t.id %1$s "
			+ "UNION SELECT r.run_uuid FROM mlops.runs r JOIN mlops.tags p ON p.run_uuid = r.run_uuid "
			+ "AND p.key = 'mlflow.parentRunId' JOIN mlops.tags j ON j.run_uuid = p.value "
			+ "AND j.key = 'eaw.training.job' JOIN mlops.training_jobs t ON t.id = j.value "
			+ "WHERE r.status = 'RUNNING' AND t.id %1$s";

	private final JdbcClient jdbc;

	private final RunTracking runs;

	InterruptedRuns(JdbcClient jdbc, RunTracking runs) {
		this.jdbc = jdbc;
		this.runs = runs;
	}

	/** Fails the running runs of one job. */
	void of(String jobId) {
		fail(jdbc.sql(RUNNING.formatted("= :job")).param("job", jobId).query(String.class).list());
	}

	/** Fails the running runs of every job but {@code runningJob} (the one this server runs now, if any). */
	void allBut(String runningJob) {
		fail(jdbc.sql(RUNNING.formatted("<> :job")).param("job", runningJob).query(String.class).list());
	}

	private void fail(List<String> runIds) {
		int failed = 0;
		for (String runId : runIds) {
			try {
				runs.setTag(runId, new Tag(REASON_TAG, STOPPED));
				runs.update(runId, RunStatus.FAILED, System.currentTimeMillis(), null);
				failed++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not mark run {} of an interrupted training job failed", runId, ex);
			}
		}
		if (failed > 0) {
			log.info("Marked {} run(s) of training jobs failed: {}", failed, STOPPED);
		}
	}

}
