package dev.eaw.mlops;

/** Where a training job is. */
public enum TrainingState {

	QUEUED, RUNNING, FINISHED, FAILED;

	public boolean done() {
		return this == FINISHED || this == FAILED;
	}

}
