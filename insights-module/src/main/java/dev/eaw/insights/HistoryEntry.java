package dev.eaw.insights;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One query someone ran, with its outcome. */
public record HistoryEntry(long id, String sql, @Nullable Integer rowCount, long elapsedMs, @Nullable String error,
		Instant runAt) {
}
