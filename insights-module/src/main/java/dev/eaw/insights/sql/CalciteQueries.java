package dev.eaw.insights.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.MlModels;
import dev.eaw.insights.Queries;
import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;
import dev.eaw.insights.ai.AiEngine;
import dev.eaw.kernel.InvalidInput;

/**
 * Runs workbench SQL through Apache Calcite: the datasets are the tables of a {@link JdbcSchema} over PostgreSQL
 * (scans, filters, joins and aggregates without AI functions are pushed down), the AI and time-series functions run
 * in Java. Each query gets a fresh Calcite connection, so new, renamed and deleted datasets are seen at once.
 */
public final class CalciteQueries implements Queries {

	private final DataSource reader;

	private final AiEngine engine;

	private final Limits limits;

	private final Consumer<SchemaPlus> extraFunctions;

	private final QueryLog log;

	private final QueryGate gate;

	private final @Nullable MlRunner ml;

	private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
		Thread thread = new Thread(runnable, "insights-query");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * How far one query may go.
	 *
	 * @param rowCap the most rows a query returns; reading stops there
	 * @param timeout how long a query may run, in PostgreSQL and in Java
	 * @param maxScannedRows the most rows a query may read from PostgreSQL, over all its scans
	 * @param perUser the most queries one user runs at once
	 */
	public record Limits(int rowCap, Duration timeout, long maxScannedRows, int perUser) {
	}

	/**
	 * @param reader connections as the read-only role of the datasets
	 * @param extraFunctions registers more functions (the time-series table functions)
	 */
	public CalciteQueries(DataSource reader, AiEngine engine, Limits limits, Consumer<SchemaPlus> extraFunctions,
			QueryLog log) {
		this(reader, engine, limits, extraFunctions, log, null, user -> false);
	}

	/**
	 * @param models where the SNOWFLAKE.ML model statements keep their models (null: those statements are refused)
	 * @param isAdmin whether a user sees and drops every user's models
	 */
	public CalciteQueries(DataSource reader, AiEngine engine, Limits limits, Consumer<SchemaPlus> extraFunctions,
			QueryLog log, @Nullable MlModels models, Predicate<String> isAdmin) {
		this.ml = models == null ? null : new MlRunner(models, isAdmin);
		this.reader = new CountedReader(reader);
		this.engine = engine;
		this.limits = limits;
		this.extraFunctions = extraFunctions;
		this.log = log;
		this.gate = new QueryGate(limits.perUser());
	}

	@Override
	public QueryResult run(String sql, String user) {
		if (sql.indexOf(0) >= 0) {
			throw new InvalidInput("The query contains a NUL character (\\u0000); remove it and run it again.");
		}
		long start = System.nanoTime();
		try {
			MlStatement statement = ml == null ? null : MlStatement.parse(sql);
			QueryResult result;
			if (statement != null) {
				result = withTimeout(context -> modelStatement(statement, user, start, context), gate.enter(user));
			}
			else {
				SqlGuard.check(sql);
				result = withTimeout(context -> execute(sql, start, context), gate.enter(user));
			}
			log.ran(user, sql, result.rowCount(), result.elapsedMs(), null);
			return result;
		}
		catch (InvalidInput ex) {
			log.ran(user, sql, null, (System.nanoTime() - start) / 1_000_000, ex.getBody().getDetail());
			throw ex;
		}
	}

	/**
	 * A SNOWFLAKE.ML model statement: its INPUT_DATA query passes the guard and runs on this thread within the same
	 * budget and timeout, then the model is trained or asked.
	 */
	private QueryResult modelStatement(MlStatement statement, String user, long start, QueryContext context) {
		try {
			return ml.run(statement, user, sql -> {
				SqlGuard.check(sql);
				return execute(sql, start, context);
			}, context::checkRunning, start);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(ex.getMessage()); // the forecaster's own complaints (too short, irregular)
		}
	}

	/** Runs the work on a query thread; the user's permit is released when that thread's work has ended. */
	private QueryResult withTimeout(Function<QueryContext, QueryResult> work, Semaphore permit) {
		QueryContext context = new QueryContext(engine, reader, limits.maxScannedRows());
		AtomicBoolean claimed = new AtomicBoolean();
		Future<QueryResult> future = executor.submit(() -> {
			if (!claimed.compareAndSet(false, true)) {
				return null;
			}
			try {
				return work.apply(context);
			}
			finally {
				permit.release();
			}
		});
		try {
			return future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			context.stop();
			future.cancel(true);
			if (claimed.compareAndSet(false, true)) {
				permit.release();
			}
			throw new InvalidInput("The query ran longer than " + limits.timeout().toSeconds() + " s and was stopped.");
		}
		catch (InterruptedException ex) {
			context.stop();
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
		}
	}

	private QueryResult execute(String sql, long start, QueryContext context) {
		context.bind();
		try (Connection connection = SnowflakePrepare.DRIVER.connect("jdbc:calcite:", CalciteSettings.connectionProperties());
				Hook.Closeable snowflake = SnowflakeCalls.onThisThread();
				Hook.Closeable regex = RegexCalls.onThisThread()) {
			CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
			SchemaPlus root = calcite.getRootSchema();
			root.add("insights_data", JdbcSchema.create(root, "insights_data", reader, PostgresDialect.FACTORY, null, "insights_data"));
			SqlFunctions.register(root);
			extraFunctions.accept(root);
			calcite.setSchema("insights_data");
			try (Statement statement = connection.createStatement()) {
				context.opened(statement); // cancelling it stops Calcite's planner and its result set
				statement.setMaxRows(limits.rowCap() + 1);
				String query = SnowflakeSyntax.prepare(SqlGuard.withoutTrailingSemicolons(sql));
				try (ResultSet rs = statement.executeQuery(query)) {
					return read(rs, start, context);
				}
			}
		}
		catch (SQLException | RuntimeException | AssertionError | LinkageError | StackOverflowError ex) {
			// Calcite reports some planning failures as AssertionErrors, and constant expressions that fail (1/0) as
			// ExceptionInInitializerErrors of its generated code: they are still the query's fault
			throw QueryErrors.explain(ex);
		}
		finally {
			QueryContext.close();
		}
	}

	private QueryResult read(ResultSet rs, long start, QueryContext context) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		List<ResultColumn> columns = new ArrayList<>();
		for (int c = 1; c <= meta.getColumnCount(); c++) {
			columns.add(new ResultColumn(meta.getColumnLabel(c), simpleType(meta.getColumnType(c))));
		}
		List<List<Object>> rows = new ArrayList<>();
		boolean truncated = false;
		while (rs.next()) {
			if (rows.size() == limits.rowCap()) {
				truncated = true;
				break;
			}
			List<Object> row = new ArrayList<>(columns.size());
			for (int c = 1; c <= columns.size(); c++) {
				row.add(Cells.value(rs.getObject(c)));
			}
			rows.add(row);
		}
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		return new QueryResult(columns, rows, rows.size(), truncated, elapsed, context.warnings(), context.calls(),
				context.hits());
	}

	private static String simpleType(int jdbcType) {
		return switch (jdbcType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
					Types.FLOAT, Types.DOUBLE -> "number";
			case Types.DATE -> "date";
			case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
			case Types.BOOLEAN, Types.BIT -> "boolean";
			case Types.JAVA_OBJECT, Types.OTHER -> "variant";
			default -> "text";
		};
	}

	/** Where every run is written down: the user's query history. */
	@FunctionalInterface
	public interface QueryLog {

		void ran(String user, String sql, Integer rows, long elapsedMs, String error);

	}

}
