package dev.eaw.mlops;

import org.jspecify.annotations.Nullable;

/**
 * Asked by the {@link ModelRegistry} before an alias is set or moved, after the call's own checks and before anything is
 * written: a {@link TrackingError} (INVALID_PARAMETER_VALUE, with the reason) refuses the move and leaves the registry
 * as it was. Serving implements it so that an alias it answers with only moves to a version it has loaded; what serving
 * does after a move waits for the registry's commit ({@link ModelAliasSet} after commit).
 */
public interface AliasMoveCheck {

	/**
	 * @param from the version the alias points at now, null for a new alias
	 * @param to the version it is to point at (never equal to {@code from})
	 */
	void beforeMove(String model, String alias, @Nullable String from, String to);

}
