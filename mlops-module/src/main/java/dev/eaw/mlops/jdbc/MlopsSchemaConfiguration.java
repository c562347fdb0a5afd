package dev.eaw.mlops.jdbc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eaw.kernel.ModuleSchema;

@Configuration(proxyBeanMethods = false)
class MlopsSchemaConfiguration {

	@Bean
	ModuleSchema mlopsSchema() {
		return ModuleSchema.of("mlops");
	}

}
