package dev.eaw.insights;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where background CSV loads are written down, so a load's id still answers after the application restarted: a load
 * that was running when the application stopped is {@code interrupted}.
 */
public interface LoadStates {

	/** Why an interrupted load did not finish, as its user reads it. */
	String INTERRUPTED = "The load was interrupted when the application stopped; load the file again.";

	/** A load as last written down: {@code loading}, {@code done}, {@code failed} or {@code interrupted}. */
	record LoadState(String id, String dataset, String status, long totalBytes, long rows, @Nullable String error) {
	}

	void started(String id, String dataset, long totalBytes);

	void ended(String id, String status, long rows, @Nullable String error);

	Optional<LoadState> find(String id);

	/** Marks every load still {@code loading} as interrupted; called at start, before this run starts any load. */
	int interruptLeftovers();

}
