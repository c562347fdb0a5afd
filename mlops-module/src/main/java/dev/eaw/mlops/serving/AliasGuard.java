package dev.eaw.mlops.serving;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.web.ErrorResponseException;

import dev.eaw.mlops.TrackingError;

/**
 * Loads an alias's new version before the registry moves it. When it cannot be loaded and serving answers with the
 * alias now (it points at a version that loads; for a new {@code champion}, the version routing falls back to loads)
 * the move is refused with the reason (INVALID_PARAMETER_VALUE) and nothing changes. An alias serving answers with
 * nothing through (a new one, or one of a model serving cannot load, such as a Python model an MLflow client
 * registered) moves as in MLflow.
 */
final class AliasGuard {

	static final String CHAMPION = "champion";

	private final BiConsumer<String, String> load;

	private final Function<String, @Nullable String> routedWithoutChampion;

	/**
	 * @param load loads a model's version (keeping it loaded) or throws why it cannot
	 * @param routedWithoutChampion the version a model's routed requests go to while it has no champion, if any
	 */
	AliasGuard(BiConsumer<String, String> load, Function<String, @Nullable String> routedWithoutChampion) {
		this.load = load;
		this.routedWithoutChampion = routedWithoutChampion;
	}

	/** Refuses the move (a {@link TrackingError}) when it would break what serving answers with. */
	void beforeMove(String model, String alias, @Nullable String from, String to) {
		String failure = loadFailure(model, to);
		if (failure == null) {
			return;
		}
		String served = servedThrough(model, alias, from);
		if (served == null) {
			return;
		}
		String stays = from != null ? "alias '" + alias + "' stays on version " + from
				: "alias '" + alias + "' is not set and routed requests stay with version " + served;
		throw TrackingError.invalid("Version " + to + " of '" + model + "' cannot be served, so " + stays + ": "
				+ failure);
	}

	/** The version serving answers with through the alias now, if it loads; null when it answers with none. */
	private @Nullable String servedThrough(String model, String alias, @Nullable String from) {
		String current = from != null ? from : alias.equals(CHAMPION) ? routedWithoutChampion.apply(model) : null;
		return current != null && loadFailure(model, current) == null ? current : null;
	}

	/** Why the version cannot be loaded, or null once it is. */
	private @Nullable String loadFailure(String model, String version) {
		try {
			load.accept(model, version);
			return null;
		}
		catch (ErrorResponseException ex) {
			String detail = ex.getBody().getDetail();
			return detail != null ? detail : ex.getMessage();
		}
		catch (RuntimeException ex) {
			return ex.getMessage() == null ? ex.toString() : ex.getMessage();
		}
	}

}
