package dev.eaw.mlops.tracking;

import java.util.UUID;

import dev.eaw.mlops.TrackingError;

/** Experiment ids (decimal strings on the wire) and run ids (32 hex chars). */
final class TrackingIds {

	private TrackingIds() {
	}

	/** An experiment id as stored; one that is not a number names no experiment. */
	static long experiment(String experimentId) {
		try {
			return Long.parseLong(experimentId.trim());
		}
		catch (NumberFormatException ex) {
			throw TrackingError.notFound("No Experiment with id=" + experimentId + " exists");
		}
	}

	static String newRunId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
