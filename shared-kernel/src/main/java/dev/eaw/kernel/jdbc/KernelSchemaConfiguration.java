package dev.eaw.kernel.jdbc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.eaw.kernel.ModuleSchema;

@Configuration(proxyBeanMethods = false)
class KernelSchemaConfiguration {

	/** The kernel's schema goes first: other modules may refer to users. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ModuleSchema kernelSchema() {
		return ModuleSchema.of("kernel");
	}

}
