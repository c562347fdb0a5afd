package dev.eaw.insights.sql;

/**
 * Thrown inside a query whose time limit fired, to end the Java side of it (row reads, joins, function calls): the
 * caller has already answered the user.
 */
final class QueryStopped extends RuntimeException {

	QueryStopped() {
		super("The query was stopped.", null, false, false);
	}

}
