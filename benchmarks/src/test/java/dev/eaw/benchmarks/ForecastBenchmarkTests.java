package dev.eaw.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForecastBenchmarkTests {

	@TempDir
	Path dir;

	private static double value(int t) {
		return 100 + 10 * Math.sin(2 * Math.PI * t / 24) + (t % 5) * 0.1;
	}

	private static String row(String id, int from, int to, int padding) {
		String values = IntStream.range(from, to).mapToObj(t -> "\"" + value(t) + "\"").collect(Collectors.joining(","));
		return "\"" + id + "\"," + values + ",\"\"".repeat(padding);
	}

	@Test
	void scoresM4StyleWideFilesWithOneRowPerSystem() throws Exception {
		Path train = Files.writeString(dir.resolve("train.csv"),
				"\"V1\",\"V2\"\n" + row("H1", 0, 240, 24) + "\n" + row("H2", 0, 264, 0) + "\n");
		Path test = Files.writeString(dir.resolve("test.csv"),
				"\"V1\",\"V2\"\n" + row("H1", 240, 264, 0) + "\n" + row("H2", 264, 288, 0) + "\n");
		List<ForecastBenchmark.Task> tasks = ForecastBenchmark
			.tasks(new Flags(new String[] { "--train", train.toString(), "--test", test.toString() }));
		assertThat(tasks).hasSize(2);
		assertThat(tasks.get(0).train()).hasSize(240);
		assertThat(tasks.get(0).test()).hasSize(24);
		List<Row> rows = new ForecastBenchmark()
			.run(new Flags(new String[] { "--train", train.toString(), "--test", test.toString() }));
		assertThat(rows).hasSize(11);
		assertThat(rows.get(3).values().get("system")).isEqualTo("M4 Naive1");
		assertThat(rows.get(10).isDefault()).isTrue();
		assertThat((double) rows.get(10).values().get("smape")).isLessThan(2.0);
		assertThat((double) rows.get(10).values().get("coverage95")).isBetween(0.0, 1.0);
	}

	@Test
	void holdsOutTheLastPointsOfAProphetCsvAndMatchesDatesAcrossGaps() throws Exception {
		StringBuilder csv = new StringBuilder("ds,y\n");
		LocalDate start = LocalDate.of(2020, 1, 1);
		for (int d = 0; d < 200; d++) {
			if (d % 29 != 3) {
				csv.append(start.plusDays(d)).append(',').append(50 + (d % 7)).append('\n');
			}
		}
		Path file = Files.writeString(dir.resolve("daily.csv"), csv.toString());
		List<ForecastBenchmark.Task> tasks = ForecastBenchmark
			.tasks(new Flags(new String[] { "--csv", file.toString(), "--horizon", "14" }));
		assertThat(tasks.get(0).test()).hasSize(14);
		ForecastBenchmark.Score score = ForecastBenchmark.score(new dev.eaw.insights.forecast.Forecaster(), tasks.get(0));
		assertThat(score.smape()).isCloseTo(0, within(2.0));
		assertThat(score.method()).isNotBlank();
	}

	@Test
	void aggregatesHourlySeriesToDaysAndCutsSeveralOrigins() throws Exception {
		Path train = Files.writeString(dir.resolve("train.csv"), "\"V1\",\"V2\"\n" + row("H1", 0, 24 * 40 - 48, 0) + "\n");
		Path test = Files.writeString(dir.resolve("test.csv"), "\"V1\",\"V2\"\n" + row("H1", 24 * 40 - 48, 24 * 40, 0) + "\n");
		List<ForecastBenchmark.Task> tasks = ForecastBenchmark.tasks(new Flags(new String[] { "--train", train.toString(),
				"--test", test.toString(), "--aggregate", "day", "--horizon", "7", "--origins", "2", "--season", "1" }));
		assertThat(tasks).hasSize(2);
		assertThat(tasks.get(0).train()).hasSize(33);
		assertThat(tasks.get(0).test()).hasSize(7);
		assertThat(tasks.get(1).train()).hasSize(26);
		assertThat(tasks.get(0).season()).isEqualTo(1);
		double day = IntStream.range(24 * 33, 24 * 34).mapToDouble(ForecastBenchmarkTests::value).sum();
		assertThat(tasks.get(0).test()[0]).isCloseTo(day, within(1e-9));
	}

}
