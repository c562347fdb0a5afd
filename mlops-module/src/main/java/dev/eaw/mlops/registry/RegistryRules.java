package dev.eaw.mlops.registry;

import java.util.regex.Pattern;

import dev.eaw.mlops.ModelStage;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.tracking.MlflowLimits;

/**
 * The registry's rules that need no database, as MLflow's SQL store applies them: names of models and aliases, version
 * numbers, stage transitions. Each refusal is a {@link TrackingError} INVALID_PARAMETER_VALUE with MLflow's words.
 */
final class RegistryRules {

	private static final Pattern ALIAS = Pattern.compile("[\\w-]{1,255}");

	private static final Pattern VERSION_ALIAS = Pattern.compile("[vV]\\d+");

	private RegistryRules() {
	}

	/** A registered model's name: not blank, at most {@link MlflowLimits#NAME} characters. */
	static void requireModelName(String name) {
		if (name.isBlank()) {
			throw TrackingError.invalid("Registered model name cannot be empty.");
		}
		MlflowLimits.requireText("Registered model name", name, MlflowLimits.NAME);
	}

	/** An alias: 1 to 255 letters, digits, '_' or '-', neither {@code latest} nor {@code v<n>} (both name versions). */
	static void requireAlias(String alias) {
		if (!ALIAS.matcher(alias).matches()) {
			throw TrackingError.invalid("Invalid alias name '" + alias + "'. Aliases have 1 to 255 letters, digits, "
					+ "'_' or '-'.");
		}
		if (alias.equalsIgnoreCase("latest")) {
			throw TrackingError.invalid("'latest' alias name (case insensitive) is reserved.");
		}
		if (VERSION_ALIAS.matcher(alias).matches()) {
			throw TrackingError.invalid("Version alias name '" + alias + "' is reserved.");
		}
	}

	/** A version's number as the request gives it (surrounding blanks allowed); anything else is refused. */
	static int versionNumber(String version) {
		try {
			return Integer.parseInt(version.trim());
		}
		catch (NumberFormatException ex) {
			throw TrackingError.invalid("Parameter 'version' must be an integer, got '" + version + "'.");
		}
	}

	/** The stage a transition goes to; {@code archiveExisting} only for an active stage (Staging, Production). */
	static ModelStage transitionTarget(String stage, boolean archiveExisting) {
		ModelStage target = ModelStage.of(stage);
		if (archiveExisting && !target.active()) {
			throw TrackingError.invalid("Model version transition cannot archive existing model versions because '"
					+ target.label() + "' is not an Active stage. Valid stages are Staging, Production.");
		}
		return target;
	}

}
