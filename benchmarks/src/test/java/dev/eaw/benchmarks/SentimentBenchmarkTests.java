package dev.eaw.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentimentBenchmarkTests {

	@TempDir
	Path dir;

	@Test
	void scoresALabelledFileWithVaderAndOurHead() throws Exception {
		Path data = dir.resolve("tiny.tsv");
		Files.writeString(data, """
				sentence\tlabel
				a warm , funny and wonderfully acted film .\t1
				one of the most delightful movies of the year .\t1
				a dull , lifeless and painfully boring mess .\t0
				the worst script i have read in years .\t0
				""");
		List<Row> rows = new SentimentBenchmark().run(new Flags(new String[] { "--data", data.toString() }));
		assertThat(rows.get(0).values().get("system")).isEqualTo("VADER (rules)");
		Row ours = rows.get(rows.size() - 1);
		assertThat(ours.isDefault()).isTrue();
		assertThat(ours.values().get("accuracy")).isEqualTo(1.0);
		assertThat(ours.values().get("macro_f1")).isEqualTo(1.0);
		assertThat(ours.values().get("texts")).isEqualTo(4);
		assertThat((Double) ours.values().get("texts_per_s")).isPositive();
	}

	@Test
	void macroF1ComesFromTheConfusionMatrix() {
		int[][] confusion = { { 3, 1 }, { 2, 4 } }; // [truth][prediction]
		assertThat(SentimentBenchmark.f1(confusion, 1)).isEqualTo(2.0 * 4 / (5 + 6));
		assertThat(SentimentBenchmark.f1(confusion, 0)).isEqualTo(2.0 * 3 / (5 + 4));
	}

	@Test
	void aFileWithoutLabelledRowsIsAUsageError() throws Exception {
		Path data = dir.resolve("empty.tsv");
		Files.writeString(data, "sentence\tlabel\n");
		assertThatThrownBy(() -> new SentimentBenchmark().run(new Flags(new String[] { "--data", data.toString() })))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
