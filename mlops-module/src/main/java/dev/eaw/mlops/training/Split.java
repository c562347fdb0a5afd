package dev.eaw.mlops.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.TrainingTable;

/**
 * A table's usable rows (those with a target) shuffled with the seed and cut into training and test rows; the same
 * table, seed and fraction always give the same split. Also turns rows into Tribuo datasets.
 */
final class Split<T extends Output<T>> {

	/** A fixed creation time in the data provenance, so that it does not differ between identical runs. */
	private static final OffsetDateTime EPOCH = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private final TrainingTable table;

	private final TaskModels<T> task;

	private final int target;

	private final List<Integer> train;

	private final List<Integer> test;

	Split(TrainingTable table, String target, TaskModels<T> task, long seed, double testFraction) {
		this.table = table;
		this.task = task;
		this.target = table.indexOf(target);
		List<Integer> usable = new ArrayList<>();
		for (int i = 0; i < table.rows().size(); i++) {
			if (task.output(table.rows().get(i)[this.target], target) != null) {
				usable.add(i);
			}
		}
		if (usable.size() < 10) {
			throw new InvalidInput("Only " + usable.size() + " rows of '" + table.name()
					+ "' have a usable target value; training needs at least 10.");
		}
		Collections.shuffle(usable, new Random(seed));
		int testRows = Math.max(1, (int) Math.round(usable.size() * testFraction));
		this.test = List.copyOf(usable.subList(0, testRows));
		this.train = List.copyOf(usable.subList(testRows, usable.size()));
	}

	List<Integer> train() {
		return train;
	}

	List<Integer> test() {
		return test;
	}

	/** The first {@code share} of the training rows (they are shuffled already), for validation or learning curves. */
	static List<Integer> head(List<Integer> rows, double share) {
		return rows.subList(0, Math.max(1, (int) Math.round(rows.size() * share)));
	}

	static List<Integer> tail(List<Integer> rows, double share) {
		return rows.subList(Math.max(1, (int) Math.round(rows.size() * share)), rows.size());
	}

	MutableDataset<T> dataset(String description, List<Integer> rows, Encoding encoding) {
		MutableDataset<T> dataset = new MutableDataset<>(
				new SimpleDataSourceProvenance(table.name() + ":" + description, EPOCH, task.factory()),
				task.factory());
		int[] columns = encoding.columns(table);
		String targetName = table.columns().get(target).name();
		for (int row : rows) {
			@Nullable Object[] values = table.rows().get(row);
			dataset.add(example(task.output(values[target], targetName), encoding.features(values, columns)));
		}
		return dataset;
	}

	static <T extends Output<T>> Example<T> example(@Nullable T output, Map<String, Double> features) {
		String[] names = features.keySet().toArray(String[]::new);
		double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
		return new ArrayExample<>(output, names, values);
	}

	/** SHA-256 over the column names and types and every cell, in order: equal fingerprints mean equal data. */
	static String fingerprint(TrainingTable table) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (TrainingTable.Column column : table.columns()) {
				digest.update((column.name() + (column.numeric() ? ":n" : ":t") + "\u001f")
					.getBytes(StandardCharsets.UTF_8));
			}
			for (@Nullable Object[] row : table.rows()) {
				for (Object cell : row) {
					digest.update((cell == null ? "\u0000" : cell.toString()).getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0x1f);
				}
				digest.update((byte) 0x1e);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
