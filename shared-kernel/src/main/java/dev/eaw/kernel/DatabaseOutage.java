package dev.eaw.kernel;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, refusing connections, no connection
 * free in the pool in time) from every other failure, wherever it was wrapped: such a request is answered 503 with
 * {@code Retry-After}, never 401 or 500.
 */
public final class DatabaseOutage {

	/** What the user reads. */
	public static final String DETAIL = "The database is not reachable; try again shortly.";

	/** Seconds a client should wait before trying again. */
	public static final String RETRY_AFTER = "5";

	private DatabaseOutage() {
	}

	/** Whether {@code failure} or one of its causes says the database could not be reached. */
	public static boolean isCause(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && (unreachable(sql.getSQLState()) || closedByPool(sql))) {
				return true;
			}
			if (cause instanceof TransactionSystemException rollback && isCause(rollback.getApplicationException())) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

	/**
	 * Hikari's answer (without SQLSTATE) for a connection it has already discarded as broken, as when a transaction
	 * that failed on a dead server is rolled back.
	 */
	private static boolean closedByPool(SQLException failure) {
		return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
	}

	/**
	 * SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shutting down, crashed, or still starting);
	 * 57014, a statement cancelled by its timeout, is not an outage.
	 */
	private static boolean unreachable(@Nullable String state) {
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

}
