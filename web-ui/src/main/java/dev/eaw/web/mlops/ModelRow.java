package dev.eaw.web.mlops;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.RegisteredModel;

/** A registered model as the pages show it, with the number of its latest version (null when it has none). */
record ModelRow(RegisteredModel model, @Nullable String latestVersion) {

	static ModelRow of(RegisteredModel model) {
		String latest = model.latestVersions()
			.stream()
			.map(ModelVersion::version)
			.max(Comparator.comparingLong(Long::parseLong))
			.orElse(null);
		return new ModelRow(model, latest);
	}

}
