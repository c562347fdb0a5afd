package dev.eaw.mlops;

/** A run's status, as MLflow's {@code RunStatus}. */
public enum RunStatus {

	RUNNING, SCHEDULED, FINISHED, FAILED, KILLED

}
