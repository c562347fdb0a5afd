package dev.eaw.web.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description at {@code /v3/api-docs}, with both ways to sign in. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI eawOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Enterprise AI Workflows API")
				.description("Insights, MLOps and Document Q&A. Sign in with HTTP Basic or a personal API token "
						+ "(create one on the Account page or with POST /api/tokens). Errors are RFC 9457 problem details.")
				.version("v1"))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
