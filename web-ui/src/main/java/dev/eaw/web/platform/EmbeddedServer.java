package dev.eaw.web.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
		this.pid = LeftoverServer.pid(directory).orElse(-1L);
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
	 * Whether the server still runs: its postmaster process is alive and its port does not refuse connections (a
	 * refusal means nothing listens; a slow answer under load does not count against it).
	 */
	synchronized boolean running() {
		boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		if (!alive) {
			return false;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (ConnectException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * Starts the server again on the same directory and port after it died: releases the dead instance, removes the
	 * lock files its postmaster left behind, and lets PostgreSQL recover from its write-ahead log.
	 */
	synchronized void restart() throws IOException {
		long dead = pid;
		LeftoverServer.kill(directory, dead);
		postgres.close(); // pg_ctl stop fails on a dead server (logged by zonky); this releases zonky's lock
		LeftoverServer.clearAfterCrash(directory, dead, port);
		postgres = launch(port);
		pid = LeftoverServer.pid(directory).orElse(-1L);
		log.info("Embedded PostgreSQL restarted (pid {}) on 127.0.0.1:{}", pid, port);
	}

	private EmbeddedPostgres launch(int listenOn) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (!throwAway) {
			// zonky runs PostgreSQL without fsync for fast tests; data that must survive a crash needs it back on
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
		}
		return builder.setDataDirectory(directory)
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
