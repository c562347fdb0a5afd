package dev.eaw.kernel;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request that clashes with what exists already (a taken name, say): a 409 with a problem body. */
public class Conflict extends ErrorResponseException {

	public Conflict(String detail) {
		super(HttpStatus.CONFLICT, NotFound.problem(HttpStatus.CONFLICT, "Conflict", detail), null);
	}

}
