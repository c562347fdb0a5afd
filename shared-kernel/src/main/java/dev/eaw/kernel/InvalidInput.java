package dev.eaw.kernel;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request the application understood but cannot accept: a 400 with an RFC 9457 problem body. */
public class InvalidInput extends ErrorResponseException {

	public InvalidInput(String detail) {
		super(HttpStatus.BAD_REQUEST, NotFound.problem(HttpStatus.BAD_REQUEST, "Invalid input", detail), null);
	}

}
