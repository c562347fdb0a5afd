package dev.eaw.mlops;

/**
 * A tracking or registry call that MLflow would refuse, with MLflow's error code so a web layer can answer exactly
 * as an MLflow server does ({@code {"error_code": …, "message": …}}).
 */
public class TrackingError extends RuntimeException {

	/** The MLflow error codes this module raises, with the HTTP status an MLflow server sends for each. */
	public enum Code {

		INVALID_PARAMETER_VALUE(400), RESOURCE_ALREADY_EXISTS(400), RESOURCE_DOES_NOT_EXIST(404), ENDPOINT_NOT_FOUND(404),
		INVALID_STATE(500);

		private final int httpStatus;

		Code(int httpStatus) {
			this.httpStatus = httpStatus;
		}

		public int httpStatus() {
			return httpStatus;
		}

	}

	private final Code code;

	public TrackingError(Code code, String message) {
		super(message);
		this.code = code;
	}

	public Code code() {
		return code;
	}

	public static TrackingError invalid(String message) {
		return new TrackingError(Code.INVALID_PARAMETER_VALUE, message);
	}

	public static TrackingError notFound(String message) {
		return new TrackingError(Code.RESOURCE_DOES_NOT_EXIST, message);
	}

	public static TrackingError exists(String message) {
		return new TrackingError(Code.RESOURCE_ALREADY_EXISTS, message);
	}

}
