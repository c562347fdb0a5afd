package dev.eaw.mlops;

import java.util.List;
import java.util.Optional;

/**
 * Training models with Tribuo in the background: submit a request, follow its job. Jobs run one at a time in the
 * order submitted; a failing job is marked failed (with its run) and never takes others down. Each job logs an
 * MLflow run: every hyperparameter, the seed and the dataset fingerprint as params, test metrics, and the model
 * package ({@code model/}) and evaluation ({@code evaluation/}) as artifacts.
 */
public interface ModelTraining {

	/** The algorithms on offer, classification first. */
	List<Algorithm> algorithms();

	/** Checks the request (dataset, target, algorithm, hyperparameters) and queues it. */
	TrainingJob submit(TrainingRequest request, String user);

	Optional<TrainingJob> find(String jobId);

	/** The newest jobs first. */
	List<TrainingJob> recent(int limit);

}
