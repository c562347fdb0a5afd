package dev.eaw.mlops.training;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribuo.Output;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.Algorithm;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelTrained;
import dev.eaw.mlops.ModelTraining;
import dev.eaw.mlops.NewRun;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunStatus;
import dev.eaw.mlops.LoggedModels;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.TrainingDataSource;
import dev.eaw.mlops.TrainingJob;
import dev.eaw.mlops.TrainingRequest;
import dev.eaw.mlops.TrainingState;
import dev.eaw.mlops.TrainingTable;
import dev.eaw.mlops.tracking.MlflowLimits;

/**
 * Training jobs on one background thread, in the order submitted: the request is checked when it is submitted (so a
 * mistake is a 400 at once), the job itself logs a run and marks it (and itself) failed on any error, which never
 * reaches another job. A server stop gives the running job a grace period to finish, then stops it at its next step;
 * its runs end FAILED with an {@code eaw.failure_reason}. Jobs a hard kill interrupted (and their runs) are marked
 * failed at the next start; queued ones run then.
 */
public class BackgroundModelTraining implements ModelTraining, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BackgroundModelTraining.class);

	private final JdbcTrainingJobs jobs;

	private final TrainingDataSource source;

	private final ExperimentTracking experiments;

	private final RunTracking runs;

	private final ArtifactStore artifacts;

	private final LoggedModels models;

	private final ApplicationEventPublisher events;

	private final AlgorithmCatalogue catalogue;

	private final int maxRows;

	private final InterruptedRuns interruptedRuns;

	private final TrainingThread thread;

	public BackgroundModelTraining(JdbcClient jdbc, TrainingDataSource source, ExperimentTracking experiments,
			RunTracking runs, ArtifactStore artifacts, LoggedModels models, ApplicationEventPublisher events,
			int maxRows, Duration shutdownGrace) {
		this.jobs = new JdbcTrainingJobs(jdbc);
		this.source = source;
		this.experiments = experiments;
		this.runs = runs;
		this.artifacts = artifacts;
		this.models = models;
		this.events = events;
		this.catalogue = new AlgorithmCatalogue(AlgorithmCatalogue.xgboostLoads());
		this.maxRows = maxRows;
		this.interruptedRuns = new InterruptedRuns(jdbc, runs);
		this.thread = new TrainingThread(shutdownGrace, this::stopped);
	}

	/**
	 * Marks jobs that were running when the application stopped as failed, ends their runs (and the runs earlier
	 * versions left running) as failed, and queues the jobs still waiting.
	 */
	public void resume() {
		String running = thread.current();
		for (String id : jobs.inState(TrainingState.RUNNING)) {
			if (!id.equals(running)) {
				jobs.finished(id, TrainingState.FAILED, "The application stopped while this job was running.");
			}
		}
		interruptedRuns.allBut(running == null ? "" : running);
		jobs.inState(TrainingState.QUEUED).forEach(id -> thread.queue(id, this::execute));
	}

	@Override
	public List<Algorithm> algorithms() {
		return catalogue.all();
	}

	@Override
	public TrainingJob submit(TrainingRequest request, String user) {
		Algorithm algorithm = check(request);
		String id = UUID.randomUUID().toString().replace("-", "");
		jobs.insert(id, request, user);
		log.info("Training job {} queued: {} on {}", id, algorithm.key(), request.dataset());
		thread.queue(id, this::execute);
		return jobs.find(id).orElseThrow();
	}

	@Override
	public Optional<TrainingJob> find(String jobId) {
		return jobs.find(jobId);
	}

	@Override
	public List<TrainingJob> recent(int limit) {
		return jobs.recent(limit);
	}

	private Algorithm check(TrainingRequest request) {
		Algorithm algorithm = catalogue.find(request.task(), request.algorithm())
			.orElseThrow(() -> new InvalidInput("No " + request.task().key() + " algorithm '" + request.algorithm()
					+ "'; choose one of " + catalogue.all()
						.stream()
						.filter(a -> a.task() == request.task())
						.map(Algorithm::key)
						.toList()
					+ "."));
		if (!algorithm.available()) {
			throw new InvalidInput("'" + algorithm.key() + "' cannot run here: its native library does not load.");
		}
		Hyperparameters base = Hyperparameters.of(algorithm, request.hyperparameters());
		if (request.search() != null) {
			Candidates.of(algorithm, base.values(), request.search(), request.seed());
		}
		if (!(request.testFraction() >= 0.05 && request.testFraction() <= 0.5)) {
			throw new InvalidInput("The test fraction must lie between 0.05 and 0.5, not " + request.testFraction()
					+ ".");
		}
		if (request.experiment().isBlank() || request.experiment().length() > MlflowLimits.EXPERIMENT_NAME
				|| request.experiment().indexOf('\0') >= 0) {
			throw new InvalidInput("An experiment name of 1 to " + MlflowLimits.EXPERIMENT_NAME
					+ " characters (without NUL characters) is needed.");
		}
		if (request.runName() != null
				&& (request.runName().length() > MlflowLimits.RUN_NAME || request.runName().indexOf('\0') >= 0)) {
			throw new InvalidInput("A run name has at most " + MlflowLimits.RUN_NAME
					+ " characters (without NUL characters).");
		}
		TrainingTable head = source.read(request.dataset(), 1);
		int target = head.indexOf(request.target());
		if (target < 0) {
			throw new InvalidInput("Dataset '" + request.dataset() + "' has no column '" + request.target()
					+ "'; its columns are " + head.columns().stream().map(TrainingTable.Column::name).toList() + ".");
		}
		if (request.task() == MlTask.REGRESSION && !head.columns().get(target).numeric()) {
			throw new InvalidInput("Regression needs a numeric target; '" + request.target() + "' holds text.");
		}
		return algorithm;
	}

	private void execute(String id) {
		if (!jobs.claim(id)) {
			return;
		}
		TrainingJob job = jobs.find(id).orElseThrow();
		TrainingRequest request = job.request();
		String runId = null;
		try {
			Algorithm algorithm = check(request);
			String experimentId = experiment(request.experiment());
			Run run = runs.create(new NewRun(experimentId, job.user(), request.runName(), null,
					List.of(new Tag("mlflow.user", job.user()), new Tag("mlflow.source.name", "eaw-training"),
							new Tag("mlflow.source.type", "LOCAL"), new Tag("eaw.algorithm", algorithm.key()),
							new Tag("eaw.dataset", request.dataset()), new Tag("eaw.training.job", id))));
			runId = run.info().runId();
			jobs.started(id, runId, experimentId);
			jobs.progress(id, 0.02, "reading " + request.dataset());
			TrainingTable table = source.read(request.dataset(), maxRows);
			Hyperparameters base = Hyperparameters.of(algorithm, request.hyperparameters());
			List<Hyperparameters> candidates = request.search() == null ? List.of()
					: Candidates.of(algorithm, base.values(), request.search(), request.seed());
			if (request.task() == MlTask.REGRESSION) {
				train(new RegressionModels(), run, request, algorithm, base, candidates, table, id);
			}
			else {
				train(new ClassificationModels(), run, request, algorithm, base, candidates, table, id);
			}
			thread.stopIfInterrupted();
			runs.update(runId, RunStatus.FINISHED, System.currentTimeMillis(), null);
			jobs.finished(id, TrainingState.FINISHED, null);
			events.publishEvent(new ModelTrained(id, runId, experimentId, algorithm.key()));
			log.info("Training job {} finished: run {}", id, runId);
		}
		catch (Throwable ex) {
			if (thread.interrupted() || ex instanceof TrainingStopped) {
				stopped(id);
				return;
			}
			String message = message(ex);
			log.warn("Training job {} failed: {}", id, message, ex);
			if (runId != null) {
				try {
					runs.setTag(runId, new Tag("eaw.error", message.length() > 5000 ? message.substring(0, 5000)
							: message));
					runs.update(runId, RunStatus.FAILED, System.currentTimeMillis(), null);
				}
				catch (RuntimeException again) {
					log.warn("Could not mark run {} failed", runId, again);
				}
			}
			jobs.finished(id, TrainingState.FAILED, message);
			if (ex instanceof VirtualMachineError error && !(ex instanceof OutOfMemoryError)) {
				throw error;
			}
		}
	}

	private <T extends Output<T>> void train(TaskModels<T> task, Run run, TrainingRequest request,
			Algorithm algorithm, Hyperparameters base, List<Hyperparameters> candidates, TrainingTable table,
			String id) {
		new TrainingPipeline<>(task, runs, artifacts, models, (fraction, stage) -> {
			thread.stopIfInterrupted();
			jobs.progress(id, fraction, stage);
		}).run(run, request, algorithm, base, candidates, table);
	}

	/** Ends a job a server stop interrupted, and its runs, as failed with the reason. */
	private void stopped(String id) {
		log.warn("Training job {} stopped by a server stop", id);
		interruptedRuns.of(id);
		jobs.finished(id, TrainingState.FAILED, "The job was " + InterruptedRuns.STOPPED + ".");
	}

	private String experiment(String name) {
		try {
			return experiments.getByName(name).experimentId();
		}
		catch (TrackingError ex) {
			if (ex.code() != TrackingError.Code.RESOURCE_DOES_NOT_EXIST) {
				throw ex;
			}
			return experiments.create(name, null, List.of());
		}
	}

	private static String message(Throwable ex) {
		if (ex instanceof org.springframework.web.ErrorResponseException problem
				&& problem.getBody().getDetail() != null) {
			return problem.getBody().getDetail();
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	/** See {@link TrainingThread#close()}: the running job has the grace period to finish before it is stopped. */
	@Override
	public void close() {
		thread.close();
	}

}
