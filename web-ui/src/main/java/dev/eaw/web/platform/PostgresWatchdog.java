package dev.eaw.web.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every {@link PostgresSettings#watchdogInterval()} that the embedded server runs and, once it has been gone
 * for {@link PostgresSettings#restartDelay()}, starts it again on its directory and port; a failed start is tried
 * again on the next check. The pool reconnects by itself. Its own thread, so a restart never holds up the
 * application's scheduled tasks.
 */
final class PostgresWatchdog implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);

	private final EmbeddedServer server;

	private final Duration restartDelay;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("postgres-watchdog"));

	private long goneSince;

	private boolean gone;

	PostgresWatchdog(EmbeddedServer server, PostgresSettings settings) {
		this.server = server;
		this.restartDelay = settings.restartDelay();
		long every = Math.max(100, settings.watchdogInterval().toMillis());
		timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
	}

	private void check() {
		try {
			if (server.running()) {
				gone = false;
				return;
			}
			if (!gone) {
				gone = true;
				goneSince = System.nanoTime();
				log.error("The embedded PostgreSQL server on port {} is gone; restarting it{}", server.port(),
						restartDelay.isZero() ? "" : " in " + restartDelay.toSeconds() + " s");
			}
			if (System.nanoTime() - goneSince >= restartDelay.toNanos()) {
				server.restart();
				gone = false;
			}
		}
		catch (Exception ex) {
			log.warn("Restarting the embedded PostgreSQL server failed; trying again in a moment", ex);
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
		try {
			timer.awaitTermination(70, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
