package dev.eaw.insights.sql;

import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

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

	private final int rowCap;

	private final Duration timeout;

	private final Consumer<SchemaPlus> extraFunctions;

	private final QueryLog log;

	private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
		Thread thread = new Thread(runnable, "insights-query");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param reader connections as the read-only role of the datasets
	 * @param extraFunctions registers more functions (the time-series table functions)
	 */
	public CalciteQueries(DataSource reader, AiEngine engine, int rowCap, Duration timeout,
			Consumer<SchemaPlus> extraFunctions, QueryLog log) {
		this.reader = reader;
		this.engine = engine;
		this.rowCap = rowCap;
		this.timeout = timeout;
		this.extraFunctions = extraFunctions;
		this.log = log;
	}

	@Override
	public QueryResult run(String sql, String user) {
		long start = System.nanoTime();
		try {
			SqlGuard.check(sql);
			QueryResult result = withTimeout(sql, start);
			log.ran(user, sql, result.rowCount(), result.elapsedMs(), null);
			return result;
		}
		catch (InvalidInput ex) {
			log.ran(user, sql, null, (System.nanoTime() - start) / 1_000_000, ex.getBody().getDetail());
			throw ex;
		}
	}

	private QueryResult withTimeout(String sql, long start) {
		AtomicReference<Statement> running = new AtomicReference<>();
		Future<QueryResult> future = executor.submit(() -> execute(sql, start, running));
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			cancel(running.get());
			future.cancel(true);
			throw new InvalidInput("The query ran longer than " + timeout.toSeconds() + " s and was stopped.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
		}
	}

	private QueryResult execute(String sql, long start, AtomicReference<Statement> running) {
		QueryContext context = QueryContext.open(engine, reader);
		try (Connection connection = DriverManager.getConnection("jdbc:calcite:", CalciteSettings.connectionProperties())) {
			CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
			SchemaPlus root = calcite.getRootSchema();
			root.add("insights_data", JdbcSchema.create(root, "insights_data", reader, PostgresDialect.FACTORY, null, "insights_data"));
			SqlFunctions.register(root);
			extraFunctions.accept(root);
			calcite.setSchema("insights_data");
			try (Statement statement = connection.createStatement()) {
				running.set(statement);
				statement.setMaxRows(rowCap + 1);
				try (ResultSet rs = statement.executeQuery(sql)) {
					return read(rs, start, context);
				}
			}
		}
		catch (SQLException | RuntimeException | AssertionError ex) {
			// Calcite reports some planning failures as AssertionErrors: they are still the query's fault
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
			if (rows.size() == rowCap) {
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
			default -> "text";
		};
	}

	private static void cancel(Statement statement) {
		if (statement != null) {
			try {
				statement.cancel();
			}
			catch (SQLException ignored) {
				// the query is abandoned either way
			}
		}
	}

	/** Where every run is written down: the user's query history. */
	@FunctionalInterface
	public interface QueryLog {

		void ran(String user, String sql, Integer rows, long elapsedMs, String error);

	}

}
