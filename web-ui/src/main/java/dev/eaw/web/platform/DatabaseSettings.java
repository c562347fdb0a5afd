package dev.eaw.web.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application's connection pool behaves when the database is slow or gone, for the embedded server and an
 * external one ({@code spring.datasource.url}) alike.
 *
 * @param connectionTimeout how long a request waits for a pooled connection before it is answered 503
 * ({@code EAW_DATABASE_CONNECTION_TIMEOUT}, default 3 s)
 * @param statementTimeout the longest a single statement of the application may run before PostgreSQL cancels it
 * ({@code EAW_DATABASE_STATEMENT_TIMEOUT}, default 60 s; 0 for none). Dataset loads and training reads set a longer
 * bound for their own transaction; the Insights SQL box has its own ({@code eaw.insights.timeout}).
 * @param healthTimeout how long {@code /actuator/health} waits for a connection before it reports {@code db} DOWN
 * ({@code EAW_DATABASE_HEALTH_TIMEOUT}, default 1 s)
 */
@ConfigurationProperties("eaw.database")
record DatabaseSettings(@DefaultValue("3s") Duration connectionTimeout, @DefaultValue("60s") Duration statementTimeout,
		@DefaultValue("1s") Duration healthTimeout) {
}
