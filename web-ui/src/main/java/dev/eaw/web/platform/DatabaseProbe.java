package dev.eaw.web.platform;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the application's database answers, asked through its own pool but never waiting longer than
 * {@link DatabaseSettings#healthTimeout()}: health and readiness say DOWN quickly while the database is gone instead
 * of waiting out the pool's connection timeout once per indicator. A check that is still waiting is shared, and an
 * answer is reused for a second, so probes never pile up on a dead database.
 */
public final class DatabaseProbe implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

	private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

	/** The outcome of one check: {@code problem} is null when the database answered. */
	private record Outcome(@Nullable String problem, long at) {
	}

	private final DataSource dataSource;

	private final Duration timeout;

	private final ExecutorService checks = Executors.newSingleThreadExecutor(Daemons.named("database-probe"));

	private @Nullable Future<@Nullable String> running;

	private @Nullable Outcome last;

	DatabaseProbe(DataSource dataSource, Duration timeout) {
		this.dataSource = dataSource;
		this.timeout = timeout;
	}

	/** Why the database does not answer, or null when it does. */
	public synchronized @Nullable String problem() {
		long now = System.nanoTime();
		if (last != null && now - last.at() < FRESH_NANOS) {
			return last.problem();
		}
		String problem;
		try {
			Future<@Nullable String> check = running;
			if (check == null || check.isDone()) {
				check = checks.submit(this::check);
				running = check;
			}
			problem = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			problem = "No database connection within " + timeout.toMillis() + " ms";
		}
		catch (ExecutionException | RejectedExecutionException ex) {
			problem = "The database check failed";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			problem = "The database check was interrupted";
		}
		last = new Outcome(problem, System.nanoTime());
		return problem;
	}

	/** Whether the database answers now. */
	public boolean reachable() {
		return problem() == null;
	}

	private @Nullable String check() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid((int) Math.max(1, timeout.toSeconds())) ? null
					: "The database did not answer a validation";
		}
		catch (Exception ex) {
			log.debug("Database check failed", ex);
			return "The database is not reachable";
		}
	}

	@Override
	public void close() {
		checks.shutdownNow();
	}

}
