package dev.eaw.mlops;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.training.BackgroundModelTraining;

/** Wires background training over the application's {@link TrainingDataSource}, resuming queued jobs once ready. */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

	@Bean(destroyMethod = "close")
	BackgroundModelTraining modelTraining(JdbcClient jdbc, TrainingDataSource source, ExperimentTracking experiments,
			RunTracking runs, ArtifactStore artifacts, LoggedModels models, ApplicationEventPublisher events,
			MlopsSettings settings) {
		return new BackgroundModelTraining(jdbc, source, experiments, runs, artifacts, models, events,
				settings.trainingMaxRows(), settings.trainingShutdownGrace());
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeTraining(ApplicationReadyEvent ready) {
		ready.getApplicationContext().getBean(BackgroundModelTraining.class).resume();
	}

}
