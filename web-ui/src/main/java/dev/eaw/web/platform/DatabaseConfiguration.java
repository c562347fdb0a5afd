package dev.eaw.web.platform;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The application's database, embedded or external: pool timeouts ({@link PoolTimeouts}) and the {@code db} health
 * indicator, which answers within {@link DatabaseSettings#healthTimeout()} (Spring Boot's own waits for the pool's
 * connection timeout). The readiness group includes it (application.properties), liveness does not.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static PoolTimeouts poolTimeouts(Environment environment) {
		return new PoolTimeouts(environment);
	}

	@Bean(destroyMethod = "close")
	DatabaseProbe databaseProbe(DataSource dataSource, DatabaseSettings settings) {
		return new DatabaseProbe(dataSource, settings.healthTimeout());
	}

	@Bean
	HealthIndicator dbHealthIndicator(DatabaseProbe probe) {
		return () -> {
			String problem = probe.problem();
			return problem == null ? Health.up().withDetail("database", "PostgreSQL").build()
					: Health.down().withDetail("error", problem).build();
		};
	}

}
