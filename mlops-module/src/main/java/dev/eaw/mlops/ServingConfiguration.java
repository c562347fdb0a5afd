package dev.eaw.mlops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eaw.mlops.serving.ServingEngine;
import dev.eaw.mlops.serving.ServingEvents;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires model serving over the registry, the runs' artifacts and the application's meter registry; serving is also the
 * registry's {@link AliasMoveCheck} and follows its events after commit.
 */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

	@Bean(destroyMethod = "close")
	ServingEngine modelServing(ModelRegistry registry, RunTracking runs, ArtifactStore artifacts, MeterRegistry meters,
			JdbcTemplate jdbc, TransactionTemplate transactions, MlopsSettings settings) {
		return new ServingEngine(registry, runs, artifacts, meters, jdbc, transactions,
				new ServingEngine.Settings(settings.servingCacheSize(), settings.servingLogRowsPerMinute(),
						settings.servingLogRate(), settings.servingLogQueue(), settings.servingDriftRows()));
	}

	@Bean
	ServingEvents servingEvents(ServingEngine serving) {
		return serving.events();
	}

}
