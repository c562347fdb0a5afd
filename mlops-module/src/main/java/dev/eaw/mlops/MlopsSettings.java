package dev.eaw.mlops;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the MLOps module ({@code eaw.mlops.*}, {@code EAW_MLOPS_*}).
 *
 * @param artifacts the directory the artifact proxy stores files under
 * @param maxArtifact the largest artifact upload accepted
 * @param trainingMaxRows the most rows a training job reads from its dataset
 * @param trainingShutdownGrace how long a server stop waits for the running training job before stopping it
 * @param servingCacheSize the most model versions kept loaded for serving
 * @param servingLogRowsPerMinute rows of each version logged in full every minute before sampling starts
 * @param servingLogRate the share of rows logged beyond those (0 to 1)
 * @param servingLogQueue the most rows waiting to be logged; more are dropped (and counted)
 * @param servingDriftRows how many of the latest logged rows drift is measured on
 */
@ConfigurationProperties("eaw.mlops")
record MlopsSettings(@DefaultValue("./data/artifacts") Path artifacts, @DefaultValue("1GB") DataSize maxArtifact,
		@DefaultValue("1000000") int trainingMaxRows, @DefaultValue("20s") Duration trainingShutdownGrace,
		@DefaultValue("16") int servingCacheSize,
		@DefaultValue("1000") int servingLogRowsPerMinute, @DefaultValue("0.01") double servingLogRate,
		@DefaultValue("20000") int servingLogQueue, @DefaultValue("1000") int servingDriftRows) {
}
