package dev.eaw.kernel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Something named in a request does not exist: a 404 with an RFC 9457 problem body. */
public class NotFound extends ErrorResponseException {

	public NotFound(String detail) {
		super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Not found", detail), null);
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
