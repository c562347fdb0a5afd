package dev.eaw.docqa.jdbc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eaw.kernel.ModuleSchema;

@Configuration(proxyBeanMethods = false)
class DocqaSchemaConfiguration {

	@Bean
	ModuleSchema docqaSchema() {
		return ModuleSchema.of("docqa");
	}

}
