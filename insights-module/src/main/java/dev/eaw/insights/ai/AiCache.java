package dev.eaw.insights.ai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Results of AI functions by (function, model version, hash of the inputs): in memory for the hottest entries and in
 * PostgreSQL ({@code insights.ai_cache}) for all, so a repeated query over the same rows is fast, also after a
 * restart. Hits and misses are counted as {@code eaw.insights.ai.cache} with tags {@code function} and
 * {@code result}.
 */
public final class AiCache {

	private static final int MEMORY_ENTRIES = 50_000;

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final Map<String, String> memory = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > MEMORY_ENTRIES;
		}
	};

	public AiCache(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
	}

	/** The cached result, or the computed one stored for next time; {@link Lookup#hit()} says which. */
	public Lookup get(String function, String modelVersion, Supplier<String> compute, String... inputs) {
		String hash = hash(inputs);
		String key = function + '\u0001' + modelVersion + '\u0001' + hash;
		String value;
		synchronized (memory) {
			value = memory.get(key);
		}
		if (value == null) {
			value = stored(function, modelVersion, hash).orElse(null);
			if (value != null) {
				remember(key, value);
			}
		}
		if (value != null) {
			counter(function, "hit").increment();
			return new Lookup(value, true);
		}
		counter(function, "miss").increment();
		String computed = compute.get();
		jdbc.sql("INSERT INTO insights.ai_cache (function, model_version, input_hash, result) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING")
			.params(function, modelVersion, hash, computed)
			.update();
		remember(key, computed);
		return new Lookup(computed, false);
	}

	private Optional<String> stored(String function, String modelVersion, String hash) {
		return jdbc.sql("SELECT result FROM insights.ai_cache WHERE function = ? AND model_version = ? AND input_hash = ?")
			.params(function, modelVersion, hash)
			.query(String.class)
			.optional();
	}

	private void remember(String key, String value) {
		synchronized (memory) {
			memory.put(key, value);
		}
	}

	private Counter counter(String function, String result) {
		return Counter.builder("eaw.insights.ai.cache")
			.description("AI function results served from the cache (hit) or computed (miss)")
			.tag("function", function)
			.tag("result", result)
			.register(meters);
	}

	static String hash(String... inputs) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String input : inputs) {
				digest.update(input.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A result and whether it came from the cache. */
	public record Lookup(String value, boolean hit) {
	}

}
