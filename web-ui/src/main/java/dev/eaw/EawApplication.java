package dev.eaw;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Enterprise AI Workflows: Insights, MLOps and Document Q&amp;A in one modular monolith. Each direct sub-package of
 * {@code dev.eaw} is an application module; {@code kernel} is shared by all of them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Enterprise AI Workflows", sharedModules = "kernel")
public class EawApplication {

	public static void main(String[] args) {
		SpringApplication.run(EawApplication.class, args);
	}

}
