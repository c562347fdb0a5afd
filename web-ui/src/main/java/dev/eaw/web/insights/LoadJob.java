package dev.eaw.web.insights;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/** One CSV load running in the background, as the progress bar sees it. */
final class LoadJob {

	enum Status {
		LOADING, DONE, FAILED, INTERRUPTED
	}

	private final String id;

	private final String dataset;

	private final long totalBytes;

	private final AtomicLong bytesRead = new AtomicLong();

	private final AtomicLong rows = new AtomicLong();

	private final AtomicReference<Status> status = new AtomicReference<>(Status.LOADING);

	private volatile @Nullable String error;

	LoadJob(String id, String dataset, long totalBytes) {
		this.id = id;
		this.dataset = dataset;
		this.totalBytes = totalBytes;
	}

	void advanced(long bytes, long loaded) {
		bytesRead.set(bytes);
		rows.set(loaded);
	}

	void done(long loaded) {
		rows.set(loaded);
		bytesRead.set(totalBytes);
		status.set(Status.DONE);
	}

	void failed(String reason) {
		error = reason;
		status.set(Status.FAILED);
	}

	/** The application stops while the load runs: it will not finish. */
	void interrupted(String reason) {
		error = reason;
		status.set(Status.INTERRUPTED);
	}

	boolean loading() {
		return status.get() == Status.LOADING;
	}

	long rows() {
		return rows.get();
	}

	/** The JSON the page polls. */
	record View(String id, String dataset, String status, long bytesRead, long totalBytes, long rows, int percent,
			@Nullable String error) {
	}

	/** A load of an earlier run of the application, as it was written down. */
	static View of(dev.eaw.insights.LoadStates.LoadState state) {
		boolean done = state.status().equals("done");
		return new View(state.id(), state.dataset(), state.status(), done ? state.totalBytes() : 0, state.totalBytes(),
				state.rows(), done ? 100 : 0, state.error());
	}

	View view() {
		int percent = totalBytes == 0 ? 100 : (int) Math.min(100, bytesRead.get() * 100 / totalBytes);
		return new View(id, dataset, status.get().name().toLowerCase(), bytesRead.get(), totalBytes, rows.get(),
				status.get() == Status.DONE ? 100 : percent, error);
	}

}
