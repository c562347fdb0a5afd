package dev.eaw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.eaw.benchmarks.ForecastBenchmark.Task;

/**
 * Series sets for the {@code forecast} benchmark: M4 wide CSVs (train + test rows joined), Prophet {@code ds,y}
 * files, optionally aggregated to days or weeks (M4 Hourly: sums of 24 or 168 hours; Prophet daily: weekly means,
 * since Peyton Manning's values are logarithms) and cut at one or more origins, each holding out the next
 * {@code horizon} points.
 */
final class ForecastSets {

	/**
	 * A whole series before it is cut into history and held-out part.
	 * @param heldOut width of the M4 test row (0 for other files)
	 */
	record Whole(String id, List<LocalDateTime> ts, double[] y, int heldOut) {
	}

	private ForecastSets() {
	}

	/** M4 wide CSV pair; hourly ids (H…) get hourly timestamps from 2000-01-01. */
	static List<Whole> m4(Path trainFile, Path testFile, int limit) throws IOException {
		List<String[]> train = wide(trainFile, limit);
		List<String[]> test = wide(testFile, limit);
		List<Whole> out = new ArrayList<>();
		for (int r = 0; r < train.size(); r++) {
			String id = train.get(r)[0];
			if (!id.equals(test.get(r)[0])) {
				throw new IllegalArgumentException("train and test rows differ at row " + r + ": " + id);
			}
			double[] y = values(train.get(r));
			double[] actual = values(test.get(r));
			double[] all = Arrays.copyOf(y, y.length + actual.length);
			System.arraycopy(actual, 0, all, y.length, actual.length);
			LocalDateTime start = LocalDateTime.of(2000, 1, 1, 0, 0);
			out.add(new Whole(id, IntStream.range(0, all.length).mapToObj(start::plusHours).toList(), all, actual.length));
		}
		return out;
	}

	/** {@code ds,y} file. */
	static Whole prophet(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).toList();
		List<LocalDateTime> ts = new ArrayList<>();
		double[] y = new double[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			String[] fields = lines.get(i).replace("\"", "").split(",");
			String ds = fields[0].trim();
			ts.add(ds.length() <= 10 ? LocalDate.parse(ds).atStartOfDay() : LocalDateTime.parse(ds.replace(' ', 'T')));
			y[i] = Double.parseDouble(fields[1].trim());
		}
		return new Whole(file.getFileName().toString(), ts, y, 0);
	}

	/**
	 * Aggregates into blocks of {@code unit} days (1 or 7) ending at the last point: sums of complete blocks of an
	 * hourly series; means of the observed days of a daily one (Prophet's daily series have gaps).
	 */
	static Whole aggregate(Whole whole, int unit) {
		List<LocalDateTime> ts = whole.ts();
		LocalDateTime end = ts.get(ts.size() - 1);
		boolean hourly = ChronoUnit.HOURS.between(ts.get(0), ts.get(1)) == 1;
		long hoursPerBlock = 24L * unit;
		int blocks = (int) ((ChronoUnit.HOURS.between(ts.get(0), end) + (hourly ? 1 : 0)) / hoursPerBlock) + (hourly ? 0 : 1);
		double[] sum = new double[blocks];
		int[] count = new int[blocks];
		for (int i = 0; i < ts.size(); i++) {
			long back = ChronoUnit.HOURS.between(ts.get(i), end);
			int block = blocks - 1 - (int) (back / hoursPerBlock);
			if (block >= 0) {
				sum[block] += whole.y()[i];
				count[block]++;
			}
		}
		List<LocalDateTime> out = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int b = 0; b < blocks; b++) {
			if (hourly ? count[b] == hoursPerBlock : count[b] > 0) {
				out.add(end.truncatedTo(ChronoUnit.DAYS).minusDays((long) unit * (blocks - 1 - b)));
				values.add(hourly ? sum[b] : sum[b] / count[b]);
			}
		}
		return new Whole(whole.id() + (unit == 7 ? "/weekly" : "/daily"), out,
				values.stream().mapToDouble(Double::doubleValue).toArray(), 0);
	}

	/** Cuts at {@code origins} origins, {@code horizon} apart, each holding out the next {@code horizon} points. */
	static List<Task> cut(Whole whole, int horizon, int origins, int season) {
		List<Task> tasks = new ArrayList<>();
		int n = whole.y().length;
		for (int o = 0; o < origins; o++) {
			int end = n - o * horizon;
			int train = end - horizon;
			if (train < 2 * horizon && train < 10) {
				break;
			}
			tasks.add(new Task(whole.id() + (origins > 1 ? "@" + train : ""), whole.ts().subList(0, train),
					Arrays.copyOf(whole.y(), train), whole.ts().subList(train, end),
					Arrays.copyOfRange(whole.y(), train, end), season));
		}
		return tasks;
	}

	private static List<String[]> wide(Path file, int limit) throws IOException {
		List<String> lines = Files.readAllLines(file);
		return lines.stream().skip(1).filter(l -> !l.isBlank()).limit(limit)
			.map(l -> Arrays.stream(l.split(",", -1)).map(s -> s.replace("\"", "").trim()).toArray(String[]::new))
			.toList();
	}

	private static double[] values(String[] fields) {
		return Arrays.stream(fields).skip(1).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
	}

}
