package dev.eaw.web.home;

import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.ModuleOverview;

/** One module's card: its live counts, or why they could not be read. */
record ModuleStatus(String module, boolean up, LinkedHashMap<String, Long> counts, @Nullable String error) {

	static ModuleStatus of(ModuleOverview overview) {
		try {
			return new ModuleStatus(overview.key(), true, overview.counts(), null);
		}
		catch (RuntimeException ex) {
			return new ModuleStatus(overview.key(), false, new LinkedHashMap<>(), ex.getMessage());
		}
	}

	static List<ModuleStatus> of(List<ModuleOverview> overviews) {
		return overviews.stream().map(ModuleStatus::of).toList();
	}

}
