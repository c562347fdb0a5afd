package dev.eaw.insights;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A small pool of connections that act as the read-only role of the datasets ({@code eaw_insights_reader}, created by
 * the module's migration), read-only and with a statement timeout. The role is set with autocommit on, so it stays
 * when a query's transaction is rolled back. Deliberately not a {@link DataSource} bean, so it
 * never competes with the application's own data source.
 */
final class ReaderConnections implements AutoCloseable {

	static final String ROLE = "eaw_insights_reader";

	/** Rows per round trip when a query streams a result set. */
	static final int FETCH_SIZE = 500;

	private final HikariDataSource pool;

	ReaderConnections(DataSource main, long timeoutMillis) {
		if (!(main instanceof HikariDataSource hikari)) {
			throw new IllegalStateException("The Insights SQL box needs a Hikari connection pool");
		}
		HikariConfig config = new HikariConfig();
		config.setPoolName("insights-reader");
		config.setJdbcUrl(hikari.getJdbcUrl());
		config.setUsername(hikari.getUsername());
		config.setPassword(hikari.getPassword());
		config.setConnectionTimeout(hikari.getConnectionTimeout()); // as short as the main pool's while the database is down
		config.setMaximumPoolSize(6);
		config.setMinimumIdle(1);
		config.setReadOnly(true);
		// with autocommit off (the queries' connections turn it off) the driver streams result sets in batches
		config.addDataSourceProperty("defaultRowFetchSize", String.valueOf(FETCH_SIZE));
		// the main pool's own checks first (e.g. that it reached the right server), then the reader's settings
		String checks = hikari.getConnectionInitSql() == null || hikari.getConnectionInitSql().isBlank() ? ""
				: hikari.getConnectionInitSql().strip() + "; ";
		config.setConnectionInitSql(checks + "SET ROLE " + ROLE + "; SET default_transaction_read_only = on; "
				+ "SET statement_timeout = '" + timeoutMillis + "ms'; SET search_path = insights_data");
		this.pool = new HikariDataSource(config);
	}

	DataSource dataSource() {
		return pool;
	}

	@Override
	public void close() {
		pool.close();
	}

}
