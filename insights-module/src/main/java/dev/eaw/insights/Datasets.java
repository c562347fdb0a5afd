package dev.eaw.insights;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Loading CSV files as datasets and managing them. Names are SQL identifiers: lower-case letters, digits and
 * underscores, starting with a letter, at most 63 characters. Every failure is an
 * {@link dev.eaw.kernel.InvalidInput} / {@link dev.eaw.kernel.NotFound} / {@link dev.eaw.kernel.Conflict} naming the
 * line and the problem, and leaves every dataset as it was.
 */
public interface Datasets {

	List<Dataset> list();

	Optional<Dataset> find(String name);

	/** Reads the start of a CSV file and infers delimiter, header and column types. */
	CsvInspection inspect(Path csv);

	/**
	 * Loads a CSV file as a new dataset in one transaction: with {@code layout} null the inferred one is used. A
	 * failure leaves no table behind.
	 */
	Dataset load(String name, Path csv, @Nullable CsvLayout layout, String description, String user,
			LoadProgress progress);

	DatasetPreview preview(String name, int rows);

	/**
	 * Up to {@code limit} rows of a dataset in load order (the same every time), each cell a {@code Long},
	 * {@code Double}, {@code Boolean}, {@code String} (dates and timestamps as ISO text) or null.
	 */
	List<@Nullable Object[]> rows(String name, int limit);

	Dataset rename(String name, String newName, String user);

	void delete(String name, String user);

}
