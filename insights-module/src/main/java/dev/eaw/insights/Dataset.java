package dev.eaw.insights;

import java.time.Instant;
import java.util.List;

/** A loaded dataset: a table in the {@code insights_data} schema, queried by its name alone. */
public record Dataset(String name, String description, long rowCount, List<Column> columns, String createdBy,
		Instant createdAt) {
}
