package dev.eaw.mlops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eaw.mlops.artifacts.LocalArtifactStore;

/** Wires the artifact proxy's store on the local file system from {@link MlopsSettings}. */
@Configuration(proxyBeanMethods = false)
class ArtifactStoreConfiguration {

	@Bean
	ArtifactStore artifactStore(MlopsSettings settings) {
		return new LocalArtifactStore(settings.artifacts(), settings.maxArtifact().toBytes());
	}

}
