package dev.eaw.web.mlops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The runs of a page as MLflow's runs table nests them: a run whose {@code mlflow.parentRunId} is on the page comes
 * right after its parent (and its earlier siblings), one level deeper; a run whose parent is not on the page stays on
 * the top level. The page's order holds among siblings, so a sorted page stays sorted at every level. Like MLflow's
 * {@code getNestedRowRenderMetadata} (mlflow/mlflow,
 * mlflow/server/js/src/experiment-tracking/components/experiment-page/utils/experimentPage.row-utils.ts).
 */
final class RunTree {

	private RunTree() {
	}

	/**
	 * One row of the table: the run, its depth (0 on the top level), how many children it has on the page, and its
	 * parent's id when that parent is on the page.
	 */
	record Line(RunRow run, int depth, int children, @Nullable String parent) {

		public String id() {
			return run.info().runId();
		}

	}

	static List<Line> nest(List<RunRow> rows) {
		Map<String, RunRow> byId = new LinkedHashMap<>();
		rows.forEach(row -> byId.putIfAbsent(row.info().runId(), row));
		Map<String, List<RunRow>> children = new LinkedHashMap<>();
		List<RunRow> roots = new ArrayList<>();
		for (RunRow row : byId.values()) {
			String parent = row.parentRunId();
			if (parent != null && byId.containsKey(parent) && !parent.equals(row.info().runId())) {
				children.computeIfAbsent(parent, p -> new ArrayList<>()).add(row);
			}
			else {
				roots.add(row);
			}
		}
		List<Line> lines = new ArrayList<>();
		Set<String> visited = new HashSet<>();
		roots.forEach(root -> visit(root, 0, null, children, visited, lines));
		// runs on a cycle of parent tags have no root: shown on the top level rather than lost
		byId.values().forEach(row -> visit(row, 0, null, children, visited, lines));
		return lines;
	}

	private static void visit(RunRow row, int depth, @Nullable String parent, Map<String, List<RunRow>> children,
			Set<String> visited, List<Line> lines) {
		String id = row.info().runId();
		if (!visited.add(id)) {
			return;
		}
		List<RunRow> mine = children.getOrDefault(id, List.of());
		lines.add(new Line(row, depth, mine.size(), parent));
		mine.forEach(child -> visit(child, depth + 1, id, children, visited, lines));
	}

}
