package dev.eaw.mlops.training;

/** Thrown at the next step of a training job once a server stop has waited its grace period for the job. */
final class TrainingStopped extends RuntimeException {

	TrainingStopped() {
		super(InterruptedRuns.STOPPED);
	}

}
