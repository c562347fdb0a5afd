package dev.eaw.web.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server (zonky's binaries) on one data directory and one port for the life of the
 * application, so that it can be started again after it died (killed, crashed) and the pool's JDBC URL stays valid.
 * A throw-away directory is removed when the application stops.
 */
final class EmbeddedServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private static final String ZONKY_LOCK = "epg-lock";

	private final Path directory;

	private final boolean throwAway;

	private final int port;

	private EmbeddedPostgres postgres;

	private long pid;

	private EmbeddedServer(Path directory, boolean throwAway, int port) throws IOException {
		this.directory = directory;
		this.throwAway = throwAway;
		this.postgres = launch(port);
		this.port = postgres.getPort();
		this.pid = postmaster();
	}

	static EmbeddedServer start(PostgresSettings settings) throws IOException {
		String configured = settings.directory();
		boolean throwAway = configured == null || configured.isBlank();
		Path directory = throwAway ? Files.createTempDirectory("eaw-postgres")
				: Files.createDirectories(Path.of(configured).toAbsolutePath().normalize());
		if (!throwAway) {
			LeftoverServer.stopIfRunning(directory);
		}
		EmbeddedServer server = new EmbeddedServer(directory, throwAway, settings.port());
		log.info("Embedded PostgreSQL (pid {}) listening on 127.0.0.1:{} with data in {}", server.pid, server.port,
				throwAway ? "a temporary directory" : directory);
		return server;
	}

	int port() {
		return port;
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * SQL that refuses a connection unless it reached this server's own data directory: after a restart on the same
	 * port, a pool must never talk to another PostgreSQL that took the port meanwhile (a refusal is SQLSTATE 08004,
	 * which the application answers as an outage).
	 */
	String ownDirectoryCheck() {
		String expected;
		try (var connection = java.sql.DriverManager.getConnection(jdbcUrl());
				var statement = connection.createStatement();
				var result = statement.executeQuery("SHOW data_directory")) {
			result.next();
			expected = result.getString(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("The embedded PostgreSQL does not answer", ex);
		}
		String literal = "'" + expected.replace("'", "''") + "'";
		return "DO $eaw$ BEGIN IF current_setting('data_directory') <> " + literal
				+ " THEN RAISE EXCEPTION 'not the embedded database of this application' USING ERRCODE = '08004'; "
				+ "END IF; END $eaw$";
	}

	/** Whether the server's postmaster still runs. */
	synchronized boolean running() {
		return LeftoverServer.running(pid);
	}

	/**
	 * Starts the server again on the same directory and port after it died: releases the dead instance, removes the
	 * lock files its postmaster left behind, and lets PostgreSQL recover from its write-ahead log.
	 */
	synchronized void restart() throws IOException {
		long dead = pid;
		LeftoverServer.kill(directory, dead);
		log.info("Releasing the stopped server's directory (zonky logs that pg_ctl could not stop it)");
		postgres.close(); // releases zonky's lock on the directory
		LeftoverServer.clearAfterCrash(directory, dead, port);
		// zonky's lock of a start that failed is never released; a new lock file keeps it from blocking every retry
		Files.deleteIfExists(directory.resolve(ZONKY_LOCK));
		try {
			postgres = launch(port);
		}
		catch (IOException | RuntimeException ex) {
			LeftoverServer.stopIfRunning(directory); // one that started too slowly: the next attempt starts clean
			throw ex;
		}
		pid = postmaster();
		log.info("Embedded PostgreSQL restarted (pid {}) on 127.0.0.1:{}", pid, port);
	}

	private long postmaster() throws IOException {
		return LeftoverServer.pid(directory)
			.orElseThrow(() -> new IOException("PostgreSQL started without a postmaster.pid in " + directory));
	}

	private EmbeddedPostgres launch(int listenOn) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (!throwAway) {
			// zonky runs PostgreSQL without fsync for fast tests; data that must survive a machine crash needs it on
			builder.setServerConfig("fsync", "on");
		}
		// a commit is written to the log before it is answered, so a killed server (the watchdog restarts it) keeps it
		builder.setServerConfig("synchronous_commit", "on");
		// zonky's own JVM shutdown hook would stop PostgreSQL at once, racing Spring's graceful stop, in which running
		// jobs still write their end (a training run's FAILED): the context closes the server last instead
		return builder.setRegisterShutdownHook(false)
			.setDataDirectory(directory)
			.setCleanDataDirectory(false) // a throw-away directory is removed on close, not on every restart
			.setPort(listenOn)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "100")
			.setPGStartupWait(STARTUP)
			.start();
	}

	@Override
	public synchronized void close() throws IOException {
		postgres.close();
		if (throwAway) {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

}
