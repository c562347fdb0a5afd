package dev.eaw.web.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eaw.kernel.ModuleOverview;
import dev.eaw.web.platform.DatabaseProbe;

/**
 * {@code /actuator/health} reports each module under {@code modules}: up when its storage answers, down at once
 * (without waiting for a connection per module) while the database is not reachable.
 */
@Configuration(proxyBeanMethods = false)
class ModuleHealthConfiguration {

	@Bean
	CompositeHealthContributor modulesHealthContributor(List<ModuleOverview> overviews, DatabaseProbe database) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (ModuleOverview overview : overviews) {
			indicators.put(overview.key(), () -> {
				if (!database.reachable()) {
					return Health.down().withDetail("error", "The database is not reachable").build();
				}
				ModuleStatus status = ModuleStatus.of(overview);
				return status.up() ? Health.up().withDetails(status.counts()).build()
						: Health.down().withDetail("error", String.valueOf(status.error())).build();
			});
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

}
