package dev.eaw.insights.sql;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * At most {@code perUser} queries of one user run at once, so one user's flood of heavy queries cannot take every
 * query thread and connection from the others: an extra query waits a moment for one of the user's own queries to
 * end, then is refused with 429 Too Many Requests and a Retry-After.
 */
final class QueryGate {

	static final Duration WAIT = Duration.ofSeconds(2);

	static final int RETRY_AFTER_SECONDS = 5;

	private final int perUser;

	private final Map<String, Semaphore> users = new ConcurrentHashMap<>();

	QueryGate(int perUser) {
		this.perUser = perUser;
	}

	/** A permit for one of the user's queries; release it when the query's work has ended. */
	Semaphore enter(String user) {
		Semaphore permits = users.computeIfAbsent(user, u -> new Semaphore(perUser, true));
		try {
			if (permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				return permits;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "You have "
				+ (perUser == 1 ? "a query" : perUser + " queries")
				+ " running already; run this one when one of them has finished.");
		problem.setTitle("Too many queries");
		ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		refused.getHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		throw refused;
	}

}
