package dev.eaw.web.mlops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;

/**
 * Brings the parents of the child runs on a page of the runs table onto that page when they fell on another (a
 * search's candidates start after it, so they come first newest-first), as MLflow's UI fetches the parents of the
 * runs it shows ({@code shouldFetchParents} in mlflow/mlflow,
 * mlflow/server/js/src/experiment-tracking/components/experiment-page/utils/experimentPage.fetch-utils.ts). A parent
 * goes right before its first child; parents of other experiments, deleted or missing ones are left out.
 */
final class RunParents {

	static final int MAX_FETCHED = 20;

	private final RunTracking runs;

	RunParents(RunTracking runs) {
		this.runs = runs;
	}

	List<RunRow> with(String experimentId, List<RunRow> rows) {
		Set<String> shown = new HashSet<>();
		rows.forEach(row -> shown.add(row.info().runId()));
		Map<String, RunRow> fetched = new LinkedHashMap<>();
		List<RunRow> result = new ArrayList<>();
		for (RunRow row : rows) {
			String parent = row.parentRunId();
			if (parent != null && !shown.contains(parent) && fetched.size() < MAX_FETCHED
					&& !fetched.containsKey(parent)) {
				RunRow found = fetch(parent, experimentId);
				if (found != null) {
					fetched.put(parent, found);
					shown.add(parent);
					result.add(found);
				}
			}
			result.add(row);
		}
		return result;
	}

	private @Nullable RunRow fetch(String runId, String experimentId) {
		try {
			Run run = runs.get(runId);
			return run.info().experimentId().equals(experimentId) && run.info().lifecycleStage().equals("active")
					? RunRow.of(run) : null;
		}
		catch (TrackingError ex) {
			return null;
		}
	}

}
