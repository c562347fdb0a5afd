package dev.eaw.insights.samples;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.eaw.insights.Column;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnSampleTests {

	@Test
	void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() throws IOException {
		assertThat(csv(ChurnSample.SEED)).isEqualTo(csv(ChurnSample.SEED));
		assertThat(csv(ChurnSample.SEED + 1)).isNotEqualTo(csv(ChurnSample.SEED));
		StringWriter shipped = new StringWriter();
		ChurnSample.write(shipped);
		assertThat(shipped.toString()).isEqualTo(csv(ChurnSample.SEED));
	}

	@Test
	void fiveThousandCustomersWithTheDocumentedColumnsAndRanges() throws IOException {
		List<String> lines = csv(ChurnSample.SEED).lines().toList();
		assertThat(lines.get(0).split(",")).containsExactlyElementsOf(ChurnSample.COLUMNS);
		assertThat(ChurnSample.LAYOUT.columns().stream().map(Column::name).toList()).isEqualTo(ChurnSample.COLUMNS);
		assertThat(lines).hasSize(ChurnSample.ROWS + 1).hasSize(5001);
		for (int i = 1; i < lines.size(); i++) {
			String[] f = lines.get(i).split(",", -1);
			assertThat(f).hasSize(10);
			assertThat(f[0]).isEqualTo(String.format("C%05d", i));
			assertThat(Integer.parseInt(f[1])).isBetween(1, 72);
			assertThat(f[2]).isIn("month-to-month", "one-year", "two-year");
			assertThat(f[3]).isIn("fiber", "dsl", "none");
			assertThat(f[4]).isIn("electronic-check", "mailed-check", "bank-transfer", "credit-card");
			assertThat(f[5]).matches("\\d+\\.\\d\\d");
			assertThat(Double.parseDouble(f[5])).isBetween(18.25, 118.75);
			assertThat(f[6]).matches("\\d+\\.\\d\\d");
			assertThat(Double.parseDouble(f[6])).isGreaterThanOrEqualTo(Double.parseDouble(f[5]));
			assertThat(Integer.parseInt(f[7])).isBetween(0, 9);
			assertThat(f[8]).isIn("yes", "no");
			assertThat(f[9]).isIn("yes", "no");
		}
	}

	@Test
	void aboutAQuarterChurnAndTheDocumentedFormulaExplainsIt() throws IOException {
		List<String[]> rows = csv(ChurnSample.SEED).lines().skip(1).map(l -> l.split(",")).toList();
		double churned = rows.stream().filter(f -> f[9].equals("yes")).count() / (double) rows.size();
		assertThat(churned).isBetween(0.2, 0.35);
		double ruleRight = rows.stream().filter(f -> {
			double z = ChurnSample.logit(f[2], f[3], f[4], f[8].equals("yes"), Integer.parseInt(f[1]),
					Integer.parseInt(f[7]), Double.parseDouble(f[5]));
			return (z > 0) == f[9].equals("yes");
		}).count() / (double) rows.size();
		assertThat(ruleRight).as("accuracy of the noise-free rule").isBetween(0.75, 0.88).isGreaterThan(1 - churned + 0.04);
		assertThat(rate(rows, "month-to-month")).isGreaterThan(rate(rows, "two-year") + 0.2);
	}

	private static double rate(List<String[]> rows, String contract) {
		List<String[]> of = rows.stream().filter(f -> f[2].equals(contract)).toList();
		return of.stream().filter(f -> f[9].equals("yes")).count() / (double) of.size();
	}

	private static String csv(long seed) throws IOException {
		StringWriter out = new StringWriter();
		ChurnSample.write(out, seed);
		return out.toString();
	}

}
