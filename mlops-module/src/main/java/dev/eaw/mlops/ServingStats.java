package dev.eaw.mlops;

import java.util.List;

/**
 * Since the application started: requests, rows and failed requests of one version, latency percentiles over the
 * most recent requests (milliseconds), and requests per minute over the last hour (oldest first, the current minute
 * last).
 */
public record ServingStats(String model, String version, long requests, long errors, long rows, double p50Ms,
		double p95Ms, double p99Ms, List<MinuteCount> perMinute) {

	/** Requests in the minute starting at {@code minute} (epoch milliseconds). */
	public record MinuteCount(long minute, long requests) {
	}

}
