package dev.eaw.insights;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The SQL workbench's memory: each user's query history, the saved queries and the dashboard they make. */
public interface Workbench {

	List<HistoryEntry> history(String user, int limit);

	List<SavedQuery> saved();

	/** The pinned saved queries, in dashboard order. */
	List<SavedQuery> dashboard();

	SavedQuery find(long id);

	/** Saves a query under a new name, or replaces the one of that name. */
	SavedQuery save(String name, String sql, String chart, @Nullable String xColumn, List<String> yColumns,
			boolean pinned, String user);

	SavedQuery pin(long id, boolean pinned, String user);

	void delete(long id, String user);

}
