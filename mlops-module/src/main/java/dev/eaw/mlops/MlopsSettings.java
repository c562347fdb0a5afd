package dev.eaw.mlops;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the MLOps module ({@code eaw.mlops.*}, {@code EAW_MLOPS_*}).
 *
 * @param artifacts the directory the artifact proxy stores files under
 * @param maxArtifact the largest artifact upload accepted
 * @param trainingMaxRows the most rows a training job reads from its dataset
 */
@ConfigurationProperties("eaw.mlops")
record MlopsSettings(@DefaultValue("./data/artifacts") Path artifacts, @DefaultValue("1GB") DataSize maxArtifact,
		@DefaultValue("1000000") int trainingMaxRows) {
}
