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
 * (Prophet example, {@code ds,y}) the last {@code --horizon} points are held out; see {@link #tasks} for
 * aggregation to days or weeks and several origins. Rows: seasonal naive, ETS, Prophet-style, each M4 benchmark
 * method (Naive1 … Comb) and our default (per-series choice); metrics sMAPE and MASE as M4 defines them, coverage of the 95%
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
		return "forecast --train Hourly-train.csv --test Hourly-test.csv [--limit N] | forecast --csv a.csv[,b.csv] "
				+ "[--aggregate day|week] [--horizon N] [--origins K] [--season M] [--default-only|--m4-only]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		List<Task> tasks = tasks(flags);
		int season = flags.integer("season", 0);
		Map<String, Forecaster> systems = new LinkedHashMap<>();
		systems.put("seasonal naive", new Forecaster(Set.of("seasonal-naive")));
		systems.put("ETS / Holt-Winters", new Forecaster(Set.of("ets")));
		systems.put("Prophet-style", new Forecaster(Set.of("prophet-style")));
		for (String method : Forecaster.M4_METHODS) {
			systems.put("M4 " + method, Forecaster.m4(method, season));
		}
		systems.put("default: per-series holdout choice", new Forecaster());
		if (flags.has("m4-only")) {
			systems.keySet().removeIf(name -> !name.startsWith("default") && !name.startsWith("M4 "));
		}
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

	/**
	 * The series set: M4 ({@code --train/--test}, horizon = test width unless aggregated) or Prophet files
	 * ({@code --csv a.csv,b.csv}), {@code --aggregate day|week}, {@code --horizon}, {@code --origins} (cuts per
	 * series, a horizon apart), {@code --season} (MASE scaling and the M4 methods' seasonal period).
	 */
	static List<Task> tasks(Flags flags) throws IOException {
		List<ForecastSets.Whole> wholes = new ArrayList<>();
		boolean m4 = !flags.has("csv");
		if (m4) {
			wholes.addAll(ForecastSets.m4(flags.existing("train"), flags.existing("test"),
					flags.integer("limit", Integer.MAX_VALUE)));
		}
		else {
			for (String file : flags.required("csv").split(",")) {
				wholes.add(ForecastSets.prophet(Path.of(file)));
			}
		}
		String aggregate = flags.get("aggregate", "none");
		int unit = switch (aggregate) {
			case "none" -> 0;
			case "day" -> 1;
			case "week" -> 7;
			default -> throw new IllegalArgumentException("--aggregate must be day or week, got " + aggregate);
		};
		List<Task> tasks = new ArrayList<>();
		for (ForecastSets.Whole whole : wholes) {
			ForecastSets.Whole series = unit == 0 ? whole : ForecastSets.aggregate(whole, unit);
			long days = ChronoUnit.DAYS.between(series.ts().get(0), series.ts().get(1));
			boolean monthly = days >= 28 && days <= 31;
			int h = flags.integer("horizon", series.heldOut() > 0 ? series.heldOut() : monthly ? 12 : unit == 7 ? 13 : unit == 1 ? 14
					: Math.max(1, series.y().length / 10));
			int season = flags.integer("season", m4 && unit == 0 ? 24 : monthly ? 12 : days == 1 ? 7 : 1);
			tasks.addAll(ForecastSets.cut(series, h, flags.integer("origins", 1), season));
		}
		if (tasks.isEmpty()) {
			throw new IllegalArgumentException("no series long enough for this horizon");
		}
		return tasks;
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

}
