package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.ai.AiEngine;

/**
 * One running query's context: the engine and connections its functions use, how many AI calls it made and how many
 * the cache answered, and the errors that turned rows into NULL. Calcite evaluates the functions on the thread that
 * plans and reads the query, where this context is bound, so two applications in one JVM never share state.
 */
final class QueryContext {

	private static final ThreadLocal<QueryContext> CURRENT = new ThreadLocal<>();

	private final AiEngine engine;

	private final DataSource reader;

	private static final int MAX_DISTINCT_WARNINGS = 20;

	private long calls;

	private long hits;

	private final Map<String, Integer> errors = new LinkedHashMap<>();

	/** Results already computed in this query: Calcite may evaluate one call more than once per row. */
	private final Map<String, Object> seen = new java.util.HashMap<>();

	private static final Object NULL = new Object();

	private QueryContext(AiEngine engine, DataSource reader) {
		this.engine = engine;
		this.reader = reader;
	}

	/** Binds a query's context to this thread: the engine of this application and its read-only connections. */
	static QueryContext open(AiEngine engine, DataSource reader) {
		QueryContext context = new QueryContext(engine, reader);
		CURRENT.set(context);
		return context;
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
		return warnings;
	}

}
