package dev.eaw.mlops.tracking;

import java.util.UUID;

import dev.eaw.mlops.TrackingError;

/** Experiment ids (decimal strings on the wire), run ids (32 hex chars) and the checks on keys MLflow makes. */
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

	static void requireRunName(String name) {
		if (name.length() > 250) {
			throw TrackingError.invalid("Run name '" + name + "' is longer than 250 characters.");
		}
	}

	static void requireKey(String key) {
		if (key.isEmpty() || key.length() > 250) {
			throw TrackingError.invalid("Invalid value '" + key + "' for parameter 'key' supplied: keys must have "
					+ "1 to 250 characters.");
		}
	}

}
