package dev.eaw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.eaw.insights.forecast.ForecastResult;
import dev.eaw.insights.forecast.Forecaster;

/**
 * {@code forecast}: accuracy of the forecasting methods. With {@code --train/--test} (M4 wide CSV: id, then values;
 * the test file is used only for scoring) every series is forecast {@code test-width} steps ahead; with {@code --csv}
 * (Prophet example, {@code ds,y}) the last {@code --horizon} points are held out. Rows: seasonal naive, ETS,
 * Prophet-style and our default (per-series choice); metrics sMAPE and MASE as M4 defines them, coverage of the 95%
 * interval and wall-clock seconds.
 */
final class ForecastBenchmark implements BenchmarkCommand {

	/** Scores of one series. */
	record Score(double smape, double mase, double coverage, String method) {
	}

	record Task(String id, List<LocalDateTime> ts, double[] train, List<LocalDateTime> testTs, double[] test,
			int season) {
	}

	@Override
	public String name() {
		return "forecast";
	}

	@Override
	public String usage() {
		return "forecast --train Hourly-train.csv --test Hourly-test.csv [--limit N] [--default-only] | forecast --csv example.csv [--horizon N]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		List<Task> tasks = flags.has("csv") ? prophetCsv(flags.existing("csv"), flags.integer("horizon", 0))
				: m4(flags.existing("train"), flags.existing("test"), flags.integer("limit", Integer.MAX_VALUE));
		Map<String, Forecaster> systems = new LinkedHashMap<>();
		systems.put("seasonal naive", new Forecaster(Set.of("seasonal-naive")));
		systems.put("ETS / Holt-Winters", new Forecaster(Set.of("ets")));
		systems.put("Prophet-style", new Forecaster(Set.of("prophet-style")));
		systems.put("default: per-series holdout choice", new Forecaster());
		if (flags.has("default-only")) {
			systems.keySet().removeIf(name -> !name.startsWith("default"));
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, Forecaster> system : systems.entrySet()) {
			long start = System.nanoTime();
			List<Score> scores = IntStream.range(0, tasks.size()).parallel()
				.mapToObj(i -> score(system.getValue(), tasks.get(i))).toList();
			double seconds = (System.nanoTime() - start) / 1e9;
			Row row = Row.of(system.getKey())
				.metric("series", tasks.size())
				.metric("smape", scores.stream().mapToDouble(Score::smape).average().orElse(Double.NaN))
				.metric("mase", scores.stream().mapToDouble(Score::mase).average().orElse(Double.NaN))
				.metric("coverage95", scores.stream().mapToDouble(Score::coverage).average().orElse(Double.NaN))
				.metric("seconds", seconds);
			if (scores.size() == 1) {
				row.metric("chosen", scores.get(0).method());
			}
			rows.add(system.getKey().startsWith("default") ? row.asDefault() : row);
		}
		return rows;
	}

	/** sMAPE, MASE and 95% coverage of one series. */
	static Score score(Forecaster forecaster, Task task) {
		int h = task.test().length;
		LocalDateTime last = task.testTs().get(h - 1);
		ForecastResult result = forecaster.forecast(task.ts(), task.train(), h, 0.95);
		for (int steps = 2 * h; result.ts().get(result.ts().size() - 1).isBefore(last); steps *= 2) {
			result = forecaster.forecast(task.ts(), task.train(), steps, 0.95);
		}
		double smape = 0;
		double mae = 0;
		double inside = 0;
		for (int i = 0; i < h; i++) {
			double y = task.test()[i];
			int at = result.ts().indexOf(task.testTs().get(i));
			if (at < 0) {
				throw new IllegalStateException(task.id() + ": no forecast for " + task.testTs().get(i));
			}
			double f = result.forecast()[at];
			double denominator = Math.abs(y) + Math.abs(f);
			smape += denominator == 0 ? 0 : 200 * Math.abs(y - f) / denominator;
			mae += Math.abs(y - f);
			inside += y >= result.lower()[at] && y <= result.upper()[at] ? 1 : 0;
		}
		double[] train = task.train();
		int m = train.length > task.season() ? task.season() : 1;
		double naive = 0;
		for (int i = m; i < train.length; i++) {
			naive += Math.abs(train[i] - train[i - m]);
		}
		naive /= train.length - m;
		return new Score(smape / h, mae / h / naive, inside / h, result.method());
	}

	/** M4 wide CSV: the test file only supplies the scoring values. Hourly data gets synthetic hourly timestamps. */
	static List<Task> m4(Path trainFile, Path testFile, int limit) throws IOException {
		List<String[]> train = wide(trainFile, limit);
		List<String[]> test = wide(testFile, limit);
		List<Task> tasks = new ArrayList<>();
		for (int r = 0; r < train.size(); r++) {
			String id = train.get(r)[0];
			if (!id.equals(test.get(r)[0])) {
				throw new IllegalArgumentException("train and test rows differ at row " + r + ": " + id);
			}
			double[] y = values(train.get(r));
			double[] actual = values(test.get(r));
			LocalDateTime start = LocalDateTime.of(2000, 1, 1, 0, 0);
			List<LocalDateTime> ts = IntStream.range(0, y.length + actual.length).mapToObj(start::plusHours).toList();
			tasks.add(new Task(id, ts.subList(0, y.length), y, ts.subList(y.length, ts.size()), actual,
					id.startsWith("H") ? 24 : 1));
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

	/** {@code ds,y} file; holds out {@code horizon} points (default: 12 for monthly data, else 10%). */
	static List<Task> prophetCsv(Path file, int horizon) throws IOException {
		List<String> lines = Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).toList();
		List<LocalDateTime> ts = new ArrayList<>();
		double[] y = new double[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			String[] fields = lines.get(i).replace("\"", "").split(",");
			String ds = fields[0].trim();
			ts.add(ds.length() <= 10 ? LocalDate.parse(ds).atStartOfDay() : LocalDateTime.parse(ds.replace(' ', 'T')));
			y[i] = Double.parseDouble(fields[1].trim());
		}
		long days = ChronoUnit.DAYS.between(ts.get(0), ts.get(1));
		boolean monthly = days >= 28 && days <= 31;
		int h = horizon > 0 ? horizon : monthly ? 12 : Math.max(1, y.length / 10);
		if (h >= y.length - 5) {
			throw new IllegalArgumentException("--horizon " + h + " leaves too little history");
		}
		int season = monthly ? 12 : days == 1 ? 7 : 1;
		int n = y.length - h;
		return List.of(new Task(file.getFileName().toString(), ts.subList(0, n), Arrays.copyOf(y, n),
				ts.subList(n, y.length), Arrays.copyOfRange(y, n, y.length), season));
	}

}
