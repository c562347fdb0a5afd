package dev.eaw.insights;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A named query with how to chart it; pinned ones are the tiles of the dashboard.
 *
 * @param chart {@code table}, {@code line}, {@code bar} or {@code scatter}
 * @param xColumn the column on the x axis; null for the first
 * @param yColumns the columns plotted; empty for every numeric column
 */
public record SavedQuery(long id, String name, String sql, String chart, @Nullable String xColumn,
		List<String> yColumns, boolean pinned, int position, String createdBy, Instant createdAt) {
}
