package dev.eaw.mlops.serving;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.TrackingError;

/**
 * Which version a number, alias or {@code latest} names, cached both ways (a missing alias too, so that routing
 * without a champion does not ask the database every time) and kept current by the registry's events after commit.
 */
final class Resolutions {

	static final String LATEST = "latest";

	private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

	/** A cached "no such alias". */
	private static final String NONE = "";

	private static final int MAX_ENTRIES = 100_000;

	private final ModelRegistry registry;

	private final Cache<ModelKey, String> versions = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

	Resolutions(ModelRegistry registry) {
		this.registry = registry;
	}

	/** The version a token names; an unknown model, version or alias is a {@link NotFound}. */
	String resolve(String model, String token) {
		String version = find(model, token);
		if (version == null) {
			throw new NotFound("Model '" + model + "' has no version or alias '" + token + "'.");
		}
		return version;
	}

	/** The version a token names, or null for an alias the (existing) model does not have. */
	@Nullable String find(String model, String token) {
		String version = versions.get(new ModelKey(model, token), key -> lookup(model, token));
		return version.isEmpty() ? null : version;
	}

	private String lookup(String model, String token) {
		try {
			if (NUMBER.matcher(token).matches()) {
				return registry.getVersion(model, token).version();
			}
			if (token.equalsIgnoreCase(LATEST)) {
				return registry.latestVersions(model, List.of())
					.stream()
					.map(ModelVersion::version)
					.max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
					.orElseThrow(() -> new NotFound("Model '" + model + "' has no versions."));
			}
			try {
				return registry.getByAlias(model, token).version();
			}
			catch (TrackingError ex) {
				if (ex.code() != TrackingError.Code.RESOURCE_DOES_NOT_EXIST) {
					throw ex;
				}
				registry.getModel(model);
				return NONE;
			}
		}
		catch (TrackingError ex) {
			if (ex.code() == TrackingError.Code.RESOURCE_DOES_NOT_EXIST) {
				throw new NotFound(ex.getMessage());
			}
			throw new InvalidInput(ex.getMessage());
		}
	}

	void aliasSet(String model, String alias, String version) {
		versions.put(new ModelKey(model, alias), version);
	}

	void aliasDeleted(String model, String alias) {
		versions.invalidate(new ModelKey(model, alias));
	}

	void versionRegistered(String model) {
		versions.invalidate(new ModelKey(model, LATEST));
	}

	/** Forgets the version and whatever named it, and {@code latest}, which may have. */
	void versionDeleted(String model, String version) {
		versions.asMap()
			.entrySet()
			.removeIf(e -> e.getKey().model().equals(model)
					&& (e.getValue().equals(version) || e.getKey().token().equals(LATEST)));
	}

	void modelRemoved(String model) {
		versions.asMap().keySet().removeIf(key -> key.model().equals(model));
	}

}
