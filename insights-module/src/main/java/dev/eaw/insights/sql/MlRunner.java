package dev.eaw.insights.sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.MlModels;
import dev.eaw.insights.MlModels.MlModel;
import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;
import dev.eaw.kernel.Conflict;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the SNOWFLAKE.ML model statements ({@link MlStatement}) on a query thread: CREATE reads its INPUT_DATA as any
 * other query (same guard, row budget and timeout), trains once (the series, evaluation metrics and feature
 * importance are stored with the owner), the methods answer from the stored model. A user sees, uses and drops their
 * own models, an admin all; someone else's model is "not found".
 */
final class MlRunner {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The trained model, as stored. */
	record Trained(String timestamp, String target, @Nullable String series, @Nullable String label,
			List<String> exogenous, Map<String, Points> points, Map<String, List<List<Object>>> metrics,
			Map<String, List<List<Object>>> importance) {
	}

	record Points(List<String> ts, List<@Nullable Double> y) {

		List<LocalDateTime> times() {
			return ts.stream().map(LocalDateTime::parse).toList();
		}

		double[] values() {
			return y.stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
		}

	}

	private final MlModels models;

	private final Predicate<String> isAdmin;

	MlRunner(MlModels models, Predicate<String> isAdmin) {
		this.models = models;
		this.isAdmin = isAdmin;
	}

	/**
	 * @param input runs an INPUT_DATA query on this thread, as the user's query
	 * @param check throws once the statement's time is up
	 */
	QueryResult run(MlStatement statement, String user, Function<String, QueryResult> input, Runnable check,
			long start) {
		return switch (statement.verb()) {
			case "CREATE" -> create(statement, user, input, check, start);
			case "SHOW" -> show(statement, user, start);
			case "DROP" -> drop(statement, user, start);
			default -> call(statement, user, input, check, start);
		};
	}

	private QueryResult create(MlStatement statement, String user, Function<String, QueryResult> input, Runnable check,
			long start) {
		String what = "CREATE SNOWFLAKE.ML." + statement.modelClass();
		MlModel existing = models.find(statement.name()).orElse(null);
		if (existing != null && !statement.orReplace()) {
			if (statement.ifExists() && visible(existing, user)) {
				return status(statement.name() + " already exists, statement succeeded.", start, List.of());
			}
			throw new Conflict("A model named " + statement.name() + " already exists; use CREATE OR REPLACE "
					+ "SNOWFLAKE.ML." + statement.modelClass() + " " + statement.name() + "(…) to replace it.");
		}
		if (existing != null && !visible(existing, user)) {
			throw new Conflict("The name " + statement.name() + " is taken by another user's model; choose another name.");
		}
		boolean anomaly = statement.modelClass().equals("ANOMALY_DETECTION");
		String timestamp = required(statement, "TIMESTAMP_COLNAME", what);
		String target = required(statement, "TARGET_COLNAME", what);
		String series = statement.text("SERIES_COLNAME");
		String label = anomaly ? statement.text("LABEL_COLNAME") : null;
		if (anomaly && !statement.args().containsKey("LABEL_COLNAME")) {
			throw new InvalidInput(what + " needs LABEL_COLNAME => '' (unsupervised) or the name of a BOOLEAN label column.");
		}
		MlData data = MlData.of(input.apply(inputSql(statement, what)), what, timestamp, target, series, label);
		Map<String, Points> points = new LinkedHashMap<>();
		Map<String, List<List<Object>>> metrics = new LinkedHashMap<>();
		Map<String, List<List<Object>>> importance = new LinkedHashMap<>();
		data.series().forEach((key, s) -> {
			check.run();
			double[] y = s.y().clone();
			for (int i = 0; i < y.length; i++) {
				if (s.label()[i]) {
					y[i] = Double.NaN; // a labelled anomaly does not teach the model what is normal
				}
			}
			points.put(key, new Points(s.ts().stream().map(LocalDateTime::toString).toList(),
					Arrays.stream(y).mapToObj(v -> Double.isNaN(v) ? null : v).toList()));
			metrics.put(key, MlMath.evaluate(s.ts(), y));
			importance.put(key, MlMath.importance(s.ts(), y, s.extra()));
		});
		Trained trained = new Trained(timestamp, target, blankToNull(series), blankToNull(label), data.exogenous(),
				points, metrics, importance);
		models.save(new MlModel(statement.name(), statement.modelClass(), user, statement.text("COMMENT"),
				points.size(), data.rows(), Instant.now(), JSON.writeValueAsString(trained)));
		List<String> warnings = data.exogenous().isEmpty() ? List.of()
				: List.of("The columns " + String.join(", ", data.exogenous()) + " are taken as exogenous features: "
						+ "EXPLAIN_FEATURE_IMPORTANCE ranks them, but the forecasting engine does not use them yet.");
		return status("Instance " + statement.name() + " successfully created.", start, warnings);
	}

	private QueryResult call(MlStatement statement, String user, Function<String, QueryResult> input, Runnable check,
			long start) {
		MlModel model = visibleModel(statement.name(), user);
		Trained trained = JSON.readValue(model.payload(), Trained.class);
		String method = statement.method();
		MlMethods methods = new MlMethods(model, trained, check, start);
		return switch (method) {
			case "SHOW_EVALUATION_METRICS" -> methods.perSeries(trained.metrics(), List.of("ERROR_METRIC:text",
					"METRIC_VALUE:number", "STANDARD_DEVIATION:number", "LOGS:text"));
			case "EXPLAIN_FEATURE_IMPORTANCE" -> methods.perSeries(trained.importance(), List.of("RANK:number",
					"FEATURE_NAME:text", "IMPORTANCE_SCORE:number", "FEATURE_TYPE:text"));
			case "FORECAST" -> {
				requireKind(model, "FORECAST", method);
				yield methods.forecast(statement, statement.args().containsKey("INPUT_DATA")
						? input.apply(inputSql(statement, model.name() + "!FORECAST")) : null);
			}
			case "DETECT_ANOMALIES" -> {
				requireKind(model, "ANOMALY_DETECTION", method);
				yield methods.detect(statement, input.apply(inputSql(statement, model.name() + "!DETECT_ANOMALIES")));
			}
			default -> throw new InvalidInput(model.name() + "!" + method + " is not a method of a SNOWFLAKE.ML."
					+ model.kind() + " model: use " + (model.kind().equals("FORECAST") ? "FORECAST" : "DETECT_ANOMALIES")
					+ ", SHOW_EVALUATION_METRICS or EXPLAIN_FEATURE_IMPORTANCE.");
		};
	}

	private QueryResult show(MlStatement statement, String user, long start) {
		Pattern like = statement.like() == null ? null : likePattern(statement.like());
		List<List<Object>> rows = new ArrayList<>();
		for (MlModel model : models.visibleTo(user, isAdmin.test(user))) {
			if (model.kind().equals(statement.modelClass()) && (like == null || like.matcher(model.name()).matches())) {
				rows.add(Arrays.asList(model.createdOn().toString(), model.name(), "EAW", "INSIGHTS", "VERSION$1",
						model.comment(), model.owner()));
			}
		}
		return result(columns("created_on:timestamp", "name:text", "database_name:text", "schema_name:text",
				"current_version:text", "comment:text", "owner:text"), rows, start, List.of());
	}

	private QueryResult drop(MlStatement statement, String user, long start) {
		MlModel model = models.find(statement.name()).filter(m -> visible(m, user)).orElse(null);
		if (model == null && statement.ifExists()) {
			return status("Drop statement executed successfully (" + statement.name() + " already dropped).", start, List.of());
		}
		if (model == null) {
			throw notFound(statement.name());
		}
		requireKind(model, statement.modelClass(), "DROP");
		models.delete(model.name());
		return status(model.name() + " successfully dropped.", start, List.of());
	}

	private MlModel visibleModel(String name, String user) {
		return models.find(name).filter(m -> visible(m, user)).orElseThrow(() -> notFound(name));
	}

	private boolean visible(MlModel model, String user) {
		return model.owner().equals(user) || isAdmin.test(user);
	}

	private static NotFound notFound(String name) {
		return new NotFound("There is no SNOWFLAKE.ML model named " + name + " that you can use; SHOW SNOWFLAKE.ML.FORECAST "
				+ "and SHOW SNOWFLAKE.ML.ANOMALY_DETECTION list yours.");
	}

	private static void requireKind(MlModel model, String kind, String what) {
		if (!model.kind().equals(kind)) {
			throw new InvalidInput(model.name() + " is a SNOWFLAKE.ML." + model.kind() + " model, not a SNOWFLAKE.ML."
					+ kind + " (" + what + ").");
		}
	}

	private static String required(MlStatement statement, String key, String what) {
		String value = statement.text(key);
		if (value == null || value.isBlank()) {
			throw new InvalidInput(what + " needs " + key + " => '<column>'.");
		}
		return value;
	}

	private static String inputSql(MlStatement statement, String what) {
		if (!(statement.args().get("INPUT_DATA") instanceof MlStatement.InputData data)) {
			throw new InvalidInput(what + " needs INPUT_DATA => TABLE(dataset), SYSTEM$REFERENCE('TABLE', 'dataset') "
					+ "or SYSTEM$QUERY_REFERENCE('SELECT …').");
		}
		return data.sql();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.toLowerCase(Locale.ROOT);
	}

	private static Pattern likePattern(String like) {
		StringBuilder regex = new StringBuilder();
		for (char c : like.toCharArray()) {
			regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	}

	static List<ResultColumn> columns(String... specs) {
		return Arrays.stream(specs).map(spec -> new ResultColumn(spec.substring(0, spec.indexOf(':')),
				spec.substring(spec.indexOf(':') + 1))).toList();
	}

	static QueryResult result(List<ResultColumn> columns, List<List<Object>> rows, long start, List<String> warnings) {
		return new QueryResult(columns, rows, rows.size(), false, (System.nanoTime() - start) / 1_000_000, warnings, 0, 0);
	}

	private static QueryResult status(String text, long start, List<String> warnings) {
		return result(columns("status:text"), List.of(List.of(text)), start, warnings);
	}

}
