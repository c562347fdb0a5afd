package dev.eaw.mlops.tracking;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;

/**
 * The checks MLflow makes on names, keys and values before it stores them (lengths from MLflow's
 * {@code mlflow/utils/validation.py}; where our column is narrower, the column's), and the one PostgreSQL adds: text
 * may hold no NUL character. A value that fails is MLflow's INVALID_PARAMETER_VALUE, never a database error.
 */
public final class MlflowLimits {

	/** MLflow's {@code MAX_EXPERIMENT_NAME_LENGTH}. */
	public static final int EXPERIMENT_NAME = 500;

	/** MLflow's {@code MAX_ENTITY_KEY_LENGTH}: param, metric and tag keys (also registry tag keys). */
	public static final int KEY = 250;

	/** A run name: MLflow's SQL store keeps 250 characters. */
	public static final int RUN_NAME = 250;

	/** A registered model name or a user id: MLflow's SQL store keeps 256 characters. */
	public static final int NAME = 256;

	/** MLflow's {@code MAX_DATASET_NAME_SIZE}. */
	public static final int DATASET_NAME = 500;

	/** MLflow's {@code MAX_DATASET_DIGEST_SIZE}. */
	public static final int DATASET_DIGEST = 36;

	/** A dataset's source type (MLflow stores 36 characters; we keep 64). */
	public static final int DATASET_SOURCE_TYPE = 64;

	/** MLflow's {@code MAX_INPUT_TAG_KEY_SIZE}. */
	public static final int INPUT_TAG_KEY = 255;

	/** MLflow's {@code MAX_INPUT_TAG_VALUE_SIZE}. */
	public static final int INPUT_TAG_VALUE = 500;

	private MlflowLimits() {
	}

	/** Refuses text with a NUL character, which PostgreSQL cannot store. */
	public static void requireText(String what, @Nullable String value) {
		if (value != null && value.indexOf('\0') >= 0) {
			throw TrackingError.invalid(what + " '" + SearchLimits.shown(value.replace('\0', '?'))
					+ "' contains a NUL character, which cannot be stored.");
		}
	}

	/** Refuses text with a NUL character or longer than {@code limit}, in MLflow's words. */
	public static void requireText(String what, @Nullable String value, int limit) {
		requireText(what, value);
		if (value != null && value.length() > limit) {
			throw TrackingError.invalid(what + " '" + SearchLimits.shown(value) + "' had length " + value.length()
					+ ", which exceeded length limit of " + limit + ".");
		}
	}

	/** A param, metric or tag key: 1 to 250 characters, no NUL. */
	public static void requireKey(String key) {
		if (key.isEmpty() || key.length() > KEY) {
			throw TrackingError.invalid("Invalid value '" + SearchLimits.shown(key) + "' for parameter 'key' supplied: "
					+ "keys must have 1 to " + KEY + " characters.");
		}
		requireText("Key", key);
	}

	/** A dataset input's fields within MLflow's limits (source type: our column's). */
	static void requireDataset(DatasetInput input) {
		requireText("Dataset name", input.name(), DATASET_NAME);
		requireText("Dataset digest", input.digest(), DATASET_DIGEST);
		requireText("Dataset source type", input.sourceType(), DATASET_SOURCE_TYPE);
		requireText("Dataset source", input.source());
		requireText("Dataset schema", input.schema());
		requireText("Dataset profile", input.profile());
		for (Tag tag : input.tags()) {
			requireText("Input tag key", tag.key(), INPUT_TAG_KEY);
			requireText("Input tag value", tag.value(), INPUT_TAG_VALUE);
		}
	}

}
