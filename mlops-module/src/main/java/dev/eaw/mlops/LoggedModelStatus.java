package dev.eaw.mlops;

import java.util.Locale;

/**
 * MLflow 3's {@code LoggedModelStatus}: a logged model is PENDING while its files upload, then READY or
 * UPLOAD_FAILED. On the wire the names carry the {@code LOGGED_MODEL_} prefix ({@code LOGGED_MODEL_READY}).
 */
public enum LoggedModelStatus {

	PENDING, READY, UPLOAD_FAILED;

	private static final String PREFIX = "LOGGED_MODEL_";

	/** The proto name: {@code LOGGED_MODEL_PENDING}, {@code LOGGED_MODEL_READY}, {@code LOGGED_MODEL_UPLOAD_FAILED}. */
	public String wire() {
		return PREFIX + name();
	}

	/**
	 * Reads a status as clients send it: the proto name ({@code LOGGED_MODEL_READY}), the Python enum's name
	 * ({@code READY}, {@code FAILED}) in any case; anything else is INVALID_PARAMETER_VALUE.
	 */
	public static LoggedModelStatus of(String value) {
		String name = value.trim().toUpperCase(Locale.ROOT);
		if (name.startsWith(PREFIX)) {
			name = name.substring(PREFIX.length());
		}
		return switch (name) {
			case "PENDING" -> PENDING;
			case "READY" -> READY;
			case "FAILED", "UPLOAD_FAILED" -> UPLOAD_FAILED;
			default -> throw TrackingError.invalid("Invalid logged model status '" + value + "'. Valid values are "
					+ "LOGGED_MODEL_PENDING, LOGGED_MODEL_READY and LOGGED_MODEL_UPLOAD_FAILED.");
		};
	}

}
