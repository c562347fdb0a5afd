package dev.eaw.insights.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.insights.Column;
import dev.eaw.insights.CsvInspection;
import dev.eaw.insights.CsvLayout;
import dev.eaw.insights.Dataset;
import dev.eaw.insights.DatasetDeleted;
import dev.eaw.insights.DatasetLoaded;
import dev.eaw.insights.DatasetPreview;
import dev.eaw.insights.Datasets;
import dev.eaw.insights.LoadProgress;
import dev.eaw.insights.csv.CopyStream;
import dev.eaw.insights.csv.CsvInspector;
import dev.eaw.insights.csv.Identifiers;
import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.Conflict;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;

/**
 * Datasets as PostgreSQL tables in {@code insights_data}, loaded with {@code COPY} in one transaction with their
 * catalogue row, so a failed load leaves nothing behind.
 */
@Service
class JdbcDatasets implements Datasets {

	/**
	 * Loading a large file (COPY) and reading a whole dataset for training may run longer than the statement timeout
	 * every session of the application has ({@code eaw.database.statement-timeout}); their transaction gets this bound.
	 */
	private static final String LONG_OPERATION = "SET LOCAL statement_timeout = '30min'";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final DatasetCatalogue catalogue;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	JdbcDatasets(DataSource dataSource, JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.catalogue = new DatasetCatalogue(jdbc);
		this.audit = audit;
		this.events = events;
	}

	@Override
	public List<Dataset> list() {
		return catalogue.all();
	}

	@Override
	public Optional<Dataset> find(String name) {
		return catalogue.find(name);
	}

	@Override
	public CsvInspection inspect(Path csv) {
		try {
			return CsvInspector.inspect(csv);
		}
		catch (IOException ex) {
			throw new InvalidInput("The file could not be read: " + ex.getMessage());
		}
	}

	@Override
	public Dataset load(String name, Path csv, @Nullable CsvLayout layout, String description, String user,
			LoadProgress progress) {
		String table = Identifiers.datasetName(name);
		if (catalogue.find(table).isPresent()) {
			throw new Conflict("A dataset named '" + table + "' exists already; delete or rename it first.");
		}
		CsvLayout used = layout != null ? checked(layout) : inspect(csv).layout();
		long rows;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (Statement ddl = connection.createStatement()) {
					ddl.execute(LONG_OPERATION);
					ddl.execute(createTable(table, used.columns()));
				}
				rows = copy(connection, table, csv, used, progress);
				catalogue.insert(connection, table, description, rows, used.columns().size(), user);
				connection.commit();
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw failure(ex);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database is not reachable: " + ex.getMessage(), ex);
		}
		audit.record(user, "dataset.loaded", table + " (" + rows + " rows)");
		events.publishEvent(new DatasetLoaded(table, rows, user));
		return catalogue.find(table).orElseThrow();
	}

	@Override
	public DatasetPreview preview(String name, int rows) {
		Dataset dataset = existing(name);
		TablePreview table = new TablePreview(jdbc);
		return new DatasetPreview(dataset, table.rows(dataset, Math.min(Math.max(rows, 1), 500)), table.stats(dataset));
	}

	@Override
	@Transactional(readOnly = true)
	public List<@Nullable Object[]> rows(String name, int limit) {
		jdbc.sql(LONG_OPERATION).update();
		return new TablePreview(jdbc).all(existing(name), limit);
	}

	@Override
	@Transactional
	public Dataset rename(String name, String newName, String user) {
		Dataset dataset = existing(name);
		String target = Identifiers.datasetName(newName);
		if (catalogue.find(target).isPresent()) {
			throw new Conflict("A dataset named '" + target + "' exists already.");
		}
		jdbc.sql("ALTER TABLE insights_data." + Identifiers.quote(dataset.name()) + " RENAME TO "
				+ Identifiers.quote(target)).update();
		catalogue.rename(dataset.name(), target);
		audit.record(user, "dataset.renamed", dataset.name() + " → " + target);
		return catalogue.find(target).orElseThrow();
	}

	@Override
	@Transactional
	public void delete(String name, String user) {
		Dataset dataset = existing(name);
		jdbc.sql("DROP TABLE IF EXISTS insights_data." + Identifiers.quote(dataset.name())).update();
		catalogue.delete(dataset.name());
		audit.record(user, "dataset.deleted", dataset.name());
		events.publishEvent(new DatasetDeleted(dataset.name(), user));
	}

	private Dataset existing(String name) {
		return catalogue.find(name).orElseThrow(() -> new NotFound("There is no dataset '" + name + "'."));
	}

	private static CsvLayout checked(CsvLayout layout) {
		if (layout.columns().isEmpty()) {
			throw new InvalidInput("A dataset needs at least one column.");
		}
		List<String> names = layout.columns().stream().map(Column::name).toList();
		if (names.stream().distinct().count() != names.size()) {
			throw new InvalidInput("Column names must be unique: " + names);
		}
		for (String column : names) {
			if (!column.matches("[a-z][a-z0-9_]{0,62}")) {
				throw new InvalidInput("'" + column + "' cannot be a column name: use lower-case letters, digits and _.");
			}
		}
		return layout;
	}

	private static String createTable(String table, List<Column> columns) {
		return columns.stream()
			.map(c -> Identifiers.quote(c.name()) + " " + c.type().sqlType())
			.collect(Collectors.joining(", ", "CREATE TABLE insights_data." + Identifiers.quote(table) + " (", ")"));
	}

	private static long copy(Connection connection, String table, Path csv, CsvLayout layout, LoadProgress progress)
			throws SQLException, IOException {
		String columns = layout.columns().stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
		String sql = "COPY insights_data." + Identifiers.quote(table) + " (" + columns + ") FROM STDIN (FORMAT csv)";
		try (InputStream in = Files.newInputStream(csv); CopyStream stream = new CopyStream(in, layout, progress)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, stream);
			if (stream.rows() == 0) {
				throw new InvalidInput("The file has a header but no rows.");
			}
			return stream.rows();
		}
	}

	/** The reason a load failed, as the user should read it. */
	private static RuntimeException failure(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInput invalid) {
				return invalid;
			}
		}
		if (ex instanceof SQLException sql) {
			return new InvalidInput("PostgreSQL refused the data: " + sql.getMessage());
		}
		return ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
	}

}
