package dev.eaw.insights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The SNOWFLAKE.ML model objects made with {@code CREATE SNOWFLAKE.ML.FORECAST|ANOMALY_DETECTION} in the SQL box,
 * kept in PostgreSQL with their owner. A user sees, uses and drops their own models; an ADMIN all of them.
 */
public interface MlModels {

	/**
	 * One stored model.
	 *
	 * @param kind FORECAST or ANOMALY_DETECTION
	 * @param payload the trained model as JSON (series, settings, metrics)
	 */
	record MlModel(String name, String kind, String owner, @Nullable String comment, int series, long rows,
			Instant createdOn, String payload) {
	}

	Optional<MlModel> find(String name);

	/** Models visible to the user (all of them for an admin), by name. */
	List<MlModel> visibleTo(String user, boolean admin);

	/** Stores the model, replacing one of the same name. */
	void save(MlModel model);

	boolean delete(String name);

}
