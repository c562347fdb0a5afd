package dev.eaw.web.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL server, started only when no {@code spring.datasource.url} is configured.
 *
 * @param directory where the server keeps its data ({@code EAW_POSTGRES_DIRECTORY}, default {@code ./data/postgres});
 * blank for a throw-away directory, as the tests use
 * @param port the port to listen on on 127.0.0.1; 0 picks a free one (kept across restarts)
 * @param watchdogInterval how often the watchdog checks that the server is alive ({@code EAW_POSTGRES_WATCHDOG_INTERVAL},
 * default 2 s)
 * @param restartDelay how long the watchdog waits after finding the server gone before it starts it again
 * ({@code EAW_POSTGRES_RESTART_DELAY}, default 0 s)
 */
@ConfigurationProperties("eaw.postgres")
record PostgresSettings(@Nullable String directory, int port, @DefaultValue("2s") Duration watchdogInterval,
		@DefaultValue("0s") Duration restartDelay) {
}
