package dev.eaw.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One system's results: {@code system}, one entry per metric (e.g. {@code accuracy}, {@code p95_ms}), and
 * {@code default: true} on the row of the project's own default configuration.
 */
final class Row {

	private final Map<String, Object> values = new LinkedHashMap<>();

	private Row(String system) {
		values.put("system", system);
	}

	static Row of(String system) {
		return new Row(system);
	}

	Row metric(String name, Object value) {
		values.put(name, value);
		return this;
	}

	Row asDefault() {
		values.put("default", true);
		return this;
	}

	boolean isDefault() {
		return Boolean.TRUE.equals(values.get("default"));
	}

	Map<String, Object> values() {
		return Collections.unmodifiableMap(values);
	}

}
