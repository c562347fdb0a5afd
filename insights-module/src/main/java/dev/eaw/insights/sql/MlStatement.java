package dev.eaw.insights.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;

/**
 * A Snowflake ML model statement, the only non-queries the SQL box takes: {@code CREATE [OR REPLACE]
 * SNOWFLAKE.ML.FORECAST|ANOMALY_DETECTION name(ARG => value, …)}, {@code CALL name!METHOD(…)}, {@code SELECT * FROM
 * TABLE(name!METHOD(…))}, {@code SHOW SNOWFLAKE.ML.… [INSTANCES] [LIKE 'pattern']} and {@code DROP SNOWFLAKE.ML.… [IF
 * EXISTS] name}. Argument values are strings, numbers, booleans, {@code {…}}/{@code […]} constants and the input
 * references {@code TABLE(t)}, {@code SYSTEM$REFERENCE('TABLE', 't')}, {@code SYSTEM$QUERY_REFERENCE('select …')}.
 *
 * @param verb CREATE, CALL, SHOW or DROP ({@code SELECT * FROM TABLE(m!X(…))} is a CALL)
 * @param modelClass FORECAST or ANOMALY_DETECTION (null for CALL)
 * @param name the model's name in lower case (null for SHOW)
 * @param args named arguments, keys in upper case
 */
public record MlStatement(String verb, @Nullable String modelClass, @Nullable String name, @Nullable String method,
		boolean orReplace, boolean ifExists, @Nullable String like, Map<String, Object> args) {

	/** An INPUT_DATA value: the query whose rows it stands for. */
	public record InputData(String sql) {
	}

	/** The statement, or null when the text is not a model statement (then it is a query, or refused as before). */
	public static @Nullable MlStatement parse(String sql) {
		List<String> tokens = MlTokens.split(sql);
		MlTokens t = new MlTokens(tokens);
		String first = t.peekUpper();
		if (first.equals("CALL") && tokens.contains("!")) {
			t.next();
			MlStatement call = call(t);
			t.end();
			return call;
		}
		if (first.equals("SELECT") && tokens.size() > 6 && String.join(" ", tokens.subList(0, 5))
			.toUpperCase(Locale.ROOT)
			.equals("SELECT * FROM TABLE (") && tokens.contains("!")) {
			try {
				t.at(5);
				MlStatement call = call(t);
				t.expect(")");
				t.end();
				return call;
			}
			catch (InvalidInput ex) {
				return null; // an ordinary query (e.g. one with !=): the query path explains its errors
			}
		}
		if ((first.equals("CREATE") || first.equals("SHOW") || first.equals("DROP")) && isMl(tokens)) {
			t.next();
			return switch (first) {
				case "CREATE" -> create(t);
				case "SHOW" -> show(t);
				default -> drop(t);
			};
		}
		return null;
	}

	private static boolean isMl(List<String> tokens) {
		String text = String.join(" ", tokens).toUpperCase(Locale.ROOT);
		return text.contains("SNOWFLAKE . ML .");
	}

	private static MlStatement call(MlTokens t) {
		String name = t.name();
		t.expect("!");
		String method = t.next().toUpperCase(Locale.ROOT);
		return new MlStatement("CALL", null, name, method, false, false, null, arguments(t));
	}

	private static MlStatement create(MlTokens t) {
		boolean replace = t.accept("OR");
		if (replace) {
			t.expect("REPLACE");
		}
		String modelClass = modelClass(t);
		boolean ifNotExists = t.accept("IF");
		if (ifNotExists) {
			t.expect("NOT");
			t.expect("EXISTS");
		}
		String name = t.name();
		Map<String, Object> args = arguments(t);
		if (t.accept("COMMENT")) {
			t.expect("=");
			args.put("COMMENT", t.value());
		}
		t.end();
		return new MlStatement("CREATE", modelClass, name, null, replace, ifNotExists, null, args);
	}

	private static MlStatement show(MlTokens t) {
		String modelClass = modelClass(t);
		t.accept("INSTANCES");
		String like = null;
		if (t.accept("LIKE")) {
			like = (String) t.value();
		}
		t.end();
		return new MlStatement("SHOW", modelClass, null, null, false, false, like, new LinkedHashMap<>());
	}

	private static MlStatement drop(MlTokens t) {
		String modelClass = modelClass(t);
		boolean ifExists = t.accept("IF");
		if (ifExists) {
			t.expect("EXISTS");
		}
		String name = t.name();
		t.end();
		return new MlStatement("DROP", modelClass, name, null, false, ifExists, null, new LinkedHashMap<>());
	}

	private static String modelClass(MlTokens t) {
		t.expect("SNOWFLAKE");
		t.expect(".");
		t.expect("ML");
		t.expect(".");
		String kind = t.next().toUpperCase(Locale.ROOT);
		if (!kind.equals("FORECAST") && !kind.equals("ANOMALY_DETECTION")) {
			throw new InvalidInput("SNOWFLAKE.ML." + kind + " is not supported: use SNOWFLAKE.ML.FORECAST or "
					+ "SNOWFLAKE.ML.ANOMALY_DETECTION.");
		}
		return kind;
	}

	/** {@code (NAME => value, …)}; positional arguments are refused with the names to use. */
	private static Map<String, Object> arguments(MlTokens t) {
		Map<String, Object> args = new LinkedHashMap<>();
		t.expect("(");
		if (t.accept(")")) {
			return args;
		}
		do {
			String key = t.next().toUpperCase(Locale.ROOT);
			if (!t.accept("=>")) {
				throw new InvalidInput("Name each argument, e.g. INPUT_DATA => TABLE(sales), TIMESTAMP_COLNAME => "
						+ "'sale_date' (positional arguments are not supported).");
			}
			args.put(key, t.value());
		}
		while (t.accept(","));
		t.expect(")");
		return args;
	}

	/** A string argument, or null. */
	public @Nullable String text(String key) {
		Object value = args.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidInput(key + " must be a string, e.g. " + key + " => 'name'.");
		}
		return text;
	}

	/** The CONFIG_OBJECT, empty when not given. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> config() {
		Object value = args.get("CONFIG_OBJECT");
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidInput("CONFIG_OBJECT must be an object, e.g. {'prediction_interval': 0.9}.");
		}
		return (Map<String, Object>) map;
	}

}
