package dev.eaw.insights;

import org.jspecify.annotations.Nullable;

/** Summary statistics of one column, as in a preview. Min/max/mean are text so every type fits. */
public record ColumnStats(String name, ColumnType type, long nonNull, long distinct, @Nullable String min,
		@Nullable String max, @Nullable Double mean) {
}
