package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A table to train on: named columns, numeric or text, and rows of {@code Double}/{@code Long}/{@code String}/
 * {@code Boolean} values (null where missing), in a stable order so a fingerprint and a seeded split repeat.
 */
public record TrainingTable(String name, List<Column> columns, List<@Nullable Object[]> rows) {

	/** A column and whether its values are numbers. */
	public record Column(String name, boolean numeric) {
	}

	public int indexOf(String column) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equals(column)) {
				return i;
			}
		}
		return -1;
	}

}
