package dev.eaw.insights.sql;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.ai.AiEngine;
import dev.eaw.kernel.InvalidInput;

/**
 * One running query's context: the engine and connections its functions use, how many AI calls it made and how many
 * the cache answered, and the errors that turned rows into NULL. Calcite evaluates the functions on the thread that
 * plans and reads the query, where this context is bound, so two applications in one JVM never share state. The
 * context also bounds the query: a budget of rows read from PostgreSQL, and a stop flag that its row reads and
 * function calls check, set when its time is up.
 */
final class QueryContext {

	private static final ThreadLocal<QueryContext> CURRENT = new ThreadLocal<>();

	private final AiEngine engine;

	private final DataSource reader;

	private final long maxScannedRows;

	private static final int MAX_DISTINCT_WARNINGS = 20;

	private volatile boolean stopped;

	private final AtomicLong scanned = new AtomicLong();

	/** FLATTEN's SEQ: one number per flattened input value. */
	private final AtomicLong sequences = new AtomicLong();

	/** The PostgreSQL statements running for this query, cancelled when it is stopped. */
	private final Set<Statement> statements = ConcurrentHashMap.newKeySet();

	private long calls;

	private long hits;

	private final Map<String, Integer> errors = new LinkedHashMap<>();

	private final Map<String, Integer> notes = new LinkedHashMap<>();

	/** Results already computed in this query: Calcite may evaluate one call more than once per row. */
	private final Map<String, Object> seen = new java.util.HashMap<>();

	private static final Object NULL = new Object();

	QueryContext(AiEngine engine, DataSource reader, long maxScannedRows) {
		this.engine = engine;
		this.reader = reader;
		this.maxScannedRows = maxScannedRows;
	}

	/** Binds this query's context to the thread that plans and reads it. */
	void bind() {
		CURRENT.set(this);
	}

	static void close() {
		CURRENT.remove();
	}

	static @Nullable QueryContext current() {
		return CURRENT.get();
	}

	/** The running query's context; the functions are only usable inside a query. */
	static QueryContext required() {
		QueryContext context = CURRENT.get();
		if (context == null) {
			throw new IllegalStateException("The AI and time-series functions run only inside a workbench query.");
		}
		return context;
	}

	AiEngine engine() {
		return engine;
	}

	DataSource reader() {
		return reader;
	}

	/** Stops the query: its next row read or function call fails, and its PostgreSQL statements are cancelled. */
	void stop() {
		stopped = true;
		for (Statement statement : statements) {
			try {
				statement.cancel();
			}
			catch (SQLException ignored) {
				// the query is abandoned either way
			}
		}
	}

	/** Throws {@link QueryStopped} once the query's time is up: row reads and function calls ask before each step. */
	void checkRunning() {
		if (stopped || Thread.currentThread().isInterrupted()) {
			throw new QueryStopped();
		}
	}

	/** Checks the running query, if any: functions also run outside queries (constant folding, tests). */
	static void checkCurrent() {
		QueryContext context = CURRENT.get();
		if (context != null) {
			context.checkRunning();
		}
	}

	/** Counts one row read from PostgreSQL against the query's budget. */
	void scannedRow() {
		checkRunning();
		if (scanned.incrementAndGet() > maxScannedRows) {
			throw new InvalidInput("The query read more than " + maxScannedRows + " rows from the datasets and was "
					+ "stopped. Filter or aggregate in a way the database can do (plain WHERE, GROUP BY, JOIN on columns) "
					+ "or query fewer rows.");
		}
	}

	/** The next FLATTEN sequence number of this query. */
	long nextSequence() {
		return sequences.incrementAndGet();
	}

	void opened(Statement statement) {
		statements.add(statement);
	}

	void closed(Statement statement) {
		statements.remove(statement);
	}

	synchronized boolean known(String key) {
		return seen.containsKey(key);
	}

	synchronized @Nullable Object result(String key) {
		Object value = seen.get(key);
		return value == NULL ? null : value;
	}

	synchronized void remember(String key, @Nullable Object value) {
		if (seen.size() < 100_000) {
			seen.put(key, value == null ? NULL : value);
		}
	}

	synchronized void called(boolean hit) {
		calls++;
		if (hit) {
			hits++;
		}
	}

	synchronized void failed(String function, String message) {
		String key = function + ": " + message;
		if (errors.containsKey(key) || errors.size() < MAX_DISTINCT_WARNINGS) {
			errors.merge(key, 1, Integer::sum);
		}
	}

	/** A row that got a fallback result (not NULL): one warning per distinct message, with the rows it concerns. */
	synchronized void noted(String function, String message) {
		String key = function + ": " + message;
		if (notes.containsKey(key) || notes.size() < MAX_DISTINCT_WARNINGS) {
			notes.merge(key, 1, Integer::sum);
		}
	}

	synchronized long calls() {
		return calls;
	}

	synchronized long hits() {
		return hits;
	}

	synchronized List<String> warnings() {
		List<String> warnings = new ArrayList<>();
		errors.forEach((message, count) -> warnings
			.add(message + (count > 1 ? " (" + count + " rows, returned NULL)" : " (1 row, returned NULL)")));
		notes.forEach((message, count) -> warnings.add(message + (count > 1 ? " (" + count + " rows)" : " (1 row)")));
		return warnings;
	}

}
