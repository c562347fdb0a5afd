package dev.eaw.web.platform;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Applies {@link DatabaseSettings} to the application's Hikari pool, whether the embedded configuration or Spring
 * Boot (for {@code spring.datasource.url}) made it: a short wait for a connection, so an unreachable database is
 * answered quickly, and a statement timeout on every session it opens.
 */
class PoolTimeouts implements BeanPostProcessor {

	private static final Duration SHORTEST = Duration.ofMillis(250);

	private final DatabaseSettings settings;

	/** Binds the settings itself: a post-processor comes too early for them to be injected. */
	PoolTimeouts(Environment environment) {
		this.settings = Binder.get(environment).bindOrCreate("eaw.database", DatabaseSettings.class);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
			apply(pool, settings);
		}
		return bean;
	}

	static void apply(HikariDataSource pool, DatabaseSettings settings) {
		long wait = Math.max(SHORTEST.toMillis(), settings.connectionTimeout().toMillis());
		pool.setConnectionTimeout(wait);
		if (pool.getValidationTimeout() >= wait) {
			pool.setValidationTimeout(Math.max(SHORTEST.toMillis(), wait / 2));
		}
		String timeout = "SET statement_timeout = " + Math.max(0, settings.statementTimeout().toMillis());
		String init = pool.getConnectionInitSql();
		pool.setConnectionInitSql(init == null || init.isBlank() ? timeout : init.strip() + "; " + timeout);
	}

}
