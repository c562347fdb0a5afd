package dev.eaw.mlops.mlflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.eaw.kernel.DatabaseOutage;
import dev.eaw.mlops.TrackingError;

/**
 * Errors of the MLflow endpoints (every controller of this package) as MLflow answers them,
 * {@code {"error_code": …, "message": …}} with MLflow's HTTP status, instead of the problem bodies the rest of the API
 * sends (this advice goes first); an unreachable database is MLflow's {@code TEMPORARILY_UNAVAILABLE}, 503 with
 * {@code Retry-After}.
 */
@RestControllerAdvice(basePackageClasses = MlflowErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MlflowErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(MlflowErrorAdvice.class);

	/** MLflow's error body. */
	@MlflowWire
	record MlflowError(String errorCode, String message) {
	}

	@ExceptionHandler(TrackingError.class)
	ResponseEntity<MlflowError> tracking(TrackingError error) {
		return body(error.code().httpStatus(), error.code().name(), error.getMessage());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<MlflowError> unreadable(Exception ex) {
		return body(400, "INVALID_PARAMETER_VALUE", "The request body must be JSON (Content-Type: application/json).");
	}

	/**
	 * A value the checks before it missed and PostgreSQL refused (too long, a character it cannot store): the
	 * caller's mistake, told without the database's words, which go to the log.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<MlflowError> refused(DataIntegrityViolationException ex) {
		log.warn("The store refused a value of an MLflow call", ex);
		return body(400, "INVALID_PARAMETER_VALUE", "A value of the request cannot be stored: it is too long or "
				+ "holds a character the store does not accept.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<MlflowError> unexpected(Exception ex) {
		if (DatabaseOutage.isCause(ex)) {
			log.warn("An MLflow call failed because the database is not reachable: {}", ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new MlflowError("TEMPORARILY_UNAVAILABLE", DatabaseOutage.DETAIL));
		}
		log.error("Unhandled error in an MLflow call", ex);
		return body(500, "INTERNAL_ERROR", "The server failed; the log has the details.");
	}

	private static ResponseEntity<MlflowError> body(int status, String code, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new MlflowError(code, message));
	}

}
