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

/** {@code /actuator/health} reports each module under {@code modules}: up when its storage answers. */
@Configuration(proxyBeanMethods = false)
class ModuleHealthConfiguration {

	@Bean
	CompositeHealthContributor modulesHealthContributor(List<ModuleOverview> overviews) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (ModuleOverview overview : overviews) {
			indicators.put(overview.key(), () -> {
				ModuleStatus status = ModuleStatus.of(overview);
				return status.up() ? Health.up().withDetails(status.counts()).build()
						: Health.down().withDetail("error", String.valueOf(status.error())).build();
			});
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

}
