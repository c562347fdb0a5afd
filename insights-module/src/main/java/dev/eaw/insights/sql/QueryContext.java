package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one running query's AI calls did: how many, how many the cache answered, and the errors that turned rows into
 * NULL. Calcite evaluates the functions on the thread that reads the result, where this context is bound.
 */
final class QueryContext {

	private static final ThreadLocal<QueryContext> CURRENT = new ThreadLocal<>();

	private static final int MAX_DISTINCT_WARNINGS = 20;

	private long calls;

	private long hits;

	private final Map<String, Integer> errors = new LinkedHashMap<>();

	/** Results already computed in this query: Calcite may evaluate one call more than once per row. */
	private final Map<String, Object> seen = new java.util.HashMap<>();

	private static final Object NULL = new Object();

	static QueryContext open() {
		QueryContext context = new QueryContext();
		CURRENT.set(context);
		return context;
	}

	static void close() {
		CURRENT.remove();
	}

	static @Nullable QueryContext current() {
		return CURRENT.get();
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
