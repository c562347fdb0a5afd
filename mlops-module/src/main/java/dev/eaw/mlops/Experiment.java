package dev.eaw.mlops;

import java.util.List;

/** An MLflow experiment; ids are strings on the wire, numbers in the database. */
public record Experiment(String experimentId, String name, String artifactLocation, String lifecycleStage,
		long creationTime, long lastUpdateTime, List<Tag> tags) {
}
