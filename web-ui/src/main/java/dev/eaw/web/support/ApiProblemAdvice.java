package dev.eaw.web.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

import dev.eaw.kernel.DatabaseOutage;
import dev.eaw.docqa.VectorStoreUnavailable;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST controller answers errors as RFC 9457 problem details: Spring MVC's own exceptions (bad JSON, missing
 * parameter, wrong media type), the kernel's {@code NotFound}/{@code InvalidInput}/{@code Conflict}, and anything
 * unexpected, which becomes a 500 without internals, unless the database could not be reached: that is a 503 with
 * {@code Retry-After}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
		problem.setTitle("Forbidden");
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid input");
		return problem;
	}

	/**
	 * A multipart request the server cannot read is the sender's mistake: a NUL in a file name, for one, makes Tomcat
	 * refuse the whole request. (Too large is Spring's own 413.)
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableUpload(MultipartException ex) {
		log.info("Unreadable multipart request", ex);
		boolean badName = false;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			badName |= cause.getClass().getSimpleName().equals("InvalidFileNameException");
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, badName
				? "A file name holds a NUL character; rename the file and upload it again."
				: "The upload could not be read as multipart/form-data.");
		problem.setTitle("Invalid input");
		return problem;
	}

	/** A call that needs the vector store while it does not answer (a dense search). */
	@ExceptionHandler(VectorStoreUnavailable.class)
	ResponseEntity<ProblemDetail> vectorStore(VectorStoreUnavailable ex) {
		log.warn("A REST call failed because the vector store is not reachable: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				VectorStoreUnavailable.DETAIL + ".");
		problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutage.isCause(ex)) {
			log.warn("A REST call failed because the database is not reachable: {}", ex.toString());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL);
			problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER)
				.body(problem);
		}
		log.error("Unhandled error in a REST call", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed; the log has the details.");
		problem.setTitle("Internal Server Error");
		return ResponseEntity.internalServerError().body(problem);
	}

}
