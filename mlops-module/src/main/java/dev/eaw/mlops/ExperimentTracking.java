package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * MLflow experiments: create, read, search, rename, delete (soft) and restore, and tag. Failures are
 * {@link TrackingError}s with MLflow's error codes.
 */
public interface ExperimentTracking {

	/** Creates an experiment and answers its id; a taken name is RESOURCE_ALREADY_EXISTS. */
	String create(String name, @Nullable String artifactLocation, List<Tag> tags);

	Experiment get(String experimentId);

	Experiment getByName(String name);

	Page<Experiment> search(ExperimentSearch search);

	void rename(String experimentId, String newName);

	void delete(String experimentId);

	void restore(String experimentId);

	void setTag(String experimentId, String key, String value);

}
