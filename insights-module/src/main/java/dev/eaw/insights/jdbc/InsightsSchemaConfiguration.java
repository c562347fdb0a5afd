package dev.eaw.insights.jdbc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eaw.kernel.ModuleSchema;

@Configuration(proxyBeanMethods = false)
class InsightsSchemaConfiguration {

	@Bean
	ModuleSchema insightsSchema() {
		return ModuleSchema.of("insights");
	}

}
