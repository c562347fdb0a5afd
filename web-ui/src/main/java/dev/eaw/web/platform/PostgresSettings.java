package dev.eaw.web.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL server, started only when no {@code spring.datasource.url} is configured.
 *
 * @param directory where the server keeps its data ({@code EAW_POSTGRES_DIRECTORY}, default {@code ./data/postgres});
 * blank for a throw-away directory, as the tests use
 * @param port the port to listen on on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("eaw.postgres")
record PostgresSettings(@Nullable String directory, int port) {
}
