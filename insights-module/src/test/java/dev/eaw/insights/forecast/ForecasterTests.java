package dev.eaw.insights.forecast;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForecasterTests {

	private final Forecaster forecaster = new Forecaster();

	private static List<LocalDateTime> daily(int n) {
		LocalDateTime start = LocalDateTime.of(2023, 1, 2, 0, 0);
		return IntStream.range(0, n).mapToObj(start::plusDays).toList();
	}

	private static List<LocalDateTime> hourly(int n) {
		LocalDateTime start = LocalDateTime.of(2024, 3, 4, 0, 0);
		return IntStream.range(0, n).mapToObj(start::plusHours).toList();
	}

	/** 100 + 0.5·t + weekly pattern + N(0, noise²). */
	private static double trendWeekly(int t, Random random, double noise) {
		double[] week = { 0, 5, 8, 6, 3, -10, -12 };
		return 100 + 0.5 * t + week[t % 7] + noise * random.nextGaussian();
	}

	@Test
	void forecastsTrendPlusWeeklySeasonalityWithinTolerance() {
		Random random = new Random(1);
		int n = 150;
		int horizon = 14;
		double[] all = IntStream.range(0, n + horizon).mapToDouble(t -> trendWeekly(t, random, 1.0)).toArray();
		double[] history = java.util.Arrays.copyOf(all, n);
		ForecastResult result = forecaster.forecast(daily(n), history, horizon, 0.95);
		assertThat(result.ts()).hasSize(horizon).first().isEqualTo(LocalDateTime.of(2023, 1, 2, 0, 0).plusDays(n));
		assertThat(result.ts().get(horizon - 1)).isEqualTo(LocalDateTime.of(2023, 1, 2, 0, 0).plusDays(n + horizon - 1));
		double mae = 0;
		for (int h = 0; h < horizon; h++) {
			double truth = 100 + 0.5 * (n + h) + new double[] { 0, 5, 8, 6, 3, -10, -12 }[(n + h) % 7];
			mae += Math.abs(result.forecast()[h] - truth) / horizon;
			assertThat(result.lower()[h]).isLessThan(result.forecast()[h]);
			assertThat(result.upper()[h]).isGreaterThan(result.forecast()[h]);
		}
		assertThat(mae).as("MAE against the noise-free truth (noise sd 1)").isLessThan(2.0);
		assertThat(result.method()).isNotBlank();
	}

	@Test
	void intervalsContainRoughlyTheRequestedShare() {
		int inside = 0;
		int total = 0;
		for (int seed = 0; seed < 25; seed++) {
			Random random = new Random(100 + seed);
			int n = 120;
			int horizon = 10;
			double[] all = IntStream.range(0, n + horizon).mapToDouble(t -> trendWeekly(t, random, 3.0)).toArray();
			ForecastResult result = forecaster.forecast(daily(n), java.util.Arrays.copyOf(all, n), horizon, 0.90);
			for (int h = 0; h < horizon; h++) {
				inside += all[n + h] >= result.lower()[h] && all[n + h] <= result.upper()[h] ? 1 : 0;
				total++;
			}
		}
		assertThat(inside / (double) total).isBetween(0.8, 0.99);
	}

	@Test
	void intervalsWidenWithTheRequestedCoverage() {
		Random random = new Random(7);
		double[] y = IntStream.range(0, 100).mapToDouble(t -> trendWeekly(t, random, 2.0)).toArray();
		ForecastResult narrow = forecaster.forecast(daily(100), y, 7, 0.5);
		ForecastResult wide = forecaster.forecast(daily(100), y, 7, 0.99);
		assertThat(wide.upper()[3] - wide.lower()[3]).isGreaterThan(1.5 * (narrow.upper()[3] - narrow.lower()[3]));
	}

	@Test
	void modelsDailyAndWeeklySeasonalityOfHourlyData() {
		Random random = new Random(3);
		int n = 24 * 7 * 5;
		int horizon = 48;
		double[] all = new double[n + horizon];
		for (int t = 0; t < all.length; t++) {
			boolean weekend = (t / 24) % 7 >= 5;
			all[t] = 50 + 20 * Math.sin(2 * Math.PI * t / 24) * (weekend ? 0.3 : 1) + (weekend ? -15 : 0)
					+ random.nextGaussian();
		}
		// history ends on a Friday evening, so the horizon is the weekend: the 24 h pattern alone would be wrong
		int end = n - 24 * 2 - 0;
		ForecastResult result = forecaster.forecast(hourly(end), java.util.Arrays.copyOf(all, end), horizon, 0.95);
		double mae = 0;
		double naive = 0;
		for (int h = 0; h < horizon; h++) {
			mae += Math.abs(result.forecast()[h] - all[end + h]) / horizon;
			naive += Math.abs(all[end - 24 + h % 24] - all[end + h]) / horizon;
		}
		assertThat(mae).isLessThan(3.0).isLessThan(naive / 2);
	}

	@Test
	void handlesGapsAndMissingValues() {
		Random random = new Random(5);
		List<LocalDateTime> ts = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
		for (int t = 0; t < 24 * 21; t++) {
			if (t % 37 == 5 || (t > 200 && t < 230)) {
				continue; // missing steps
			}
			ts.add(start.plusHours(t));
			values.add(t % 50 == 7 ? Double.NaN : 10 + 5 * Math.sin(2 * Math.PI * t / 24) + 0.3 * random.nextGaussian());
		}
		double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
		ForecastResult result = forecaster.forecast(ts, y, 24, 0.95);
		assertThat(result.ts().get(0)).isEqualTo(start.plusHours(24 * 21));
		for (int h = 0; h < 24; h++) {
			double truth = 10 + 5 * Math.sin(2 * Math.PI * (24 * 21 + h) / 24);
			assertThat(result.forecast()[h]).isCloseTo(truth, org.assertj.core.data.Offset.offset(1.5));
		}
		AnomalyResult anomalies = forecaster.detectAnomalies(ts, y, 0.99);
		assertThat(anomalies.ts()).isEqualTo(ts);
		assertThat(anomalies.expected()).hasSize(y.length).doesNotContain(Double.NaN);
		int missing = values.indexOf(Double.NaN);
		assertThat(anomalies.anomaly()[missing]).isFalse();
		assertThat(anomalies.score()[missing]).isNaN();
	}

	@Test
	void monthlyForecastsStayOnMonthEnds() {
		List<LocalDateTime> ts = new ArrayList<>();
		LocalDateTime first = LocalDateTime.of(2019, 1, 31, 0, 0);
		double[] y = new double[48];
		for (int i = 0; i < 48; i++) {
			LocalDateTime t = first.plusMonths(i);
			ts.add(t.withDayOfMonth(t.toLocalDate().lengthOfMonth()));
			y[i] = 200 + 2 * i + 15 * Math.cos(2 * Math.PI * i / 12);
		}
		ForecastResult result = forecaster.forecast(ts, y, 3, 0.9);
		assertThat(result.ts()).containsExactly(LocalDateTime.of(2023, 1, 31, 0, 0), LocalDateTime.of(2023, 2, 28, 0, 0),
				LocalDateTime.of(2023, 3, 31, 0, 0));
		assertThat(result.forecast()[0]).isCloseTo(200 + 2 * 48 + 15, org.assertj.core.data.Offset.offset(6.0));
	}

	@Test
	void monthlyFirstOfMonthAndWeeklySteps() {
		List<LocalDateTime> monthly = IntStream.range(0, 30)
			.mapToObj(i -> LocalDateTime.of(2020, 1, 1, 0, 0).plusMonths(i)).toList();
		double[] y = IntStream.range(0, 30).mapToDouble(i -> 10 + i).toArray();
		assertThat(forecaster.forecast(monthly, y, 2, 0.9).ts())
			.containsExactly(LocalDateTime.of(2022, 7, 1, 0, 0), LocalDateTime.of(2022, 8, 1, 0, 0));
		List<LocalDateTime> weekly = IntStream.range(0, 30)
			.mapToObj(i -> LocalDateTime.of(2020, 1, 6, 0, 0).plusWeeks(i)).toList();
		ForecastResult result = forecaster.forecast(weekly, y, 1, 0.9);
		assertThat(result.ts()).containsExactly(LocalDateTime.of(2020, 1, 6, 0, 0).plusWeeks(30));
		assertThat(result.forecast()[0]).isCloseTo(40, org.assertj.core.data.Offset.offset(1.0));
	}

	@Test
	void flagsAnInjectedSpikeAndFewNormalPoints() {
		Random random = new Random(11);
		int n = 24 * 14;
		double[] y = new double[n];
		for (int t = 0; t < n; t++) {
			y[t] = 100 + 0.05 * t + 10 * Math.sin(2 * Math.PI * t / 24) + random.nextGaussian();
		}
		y[200] += 12;
		y[201] -= 9;
		AnomalyResult result = forecaster.detectAnomalies(hourly(n), y, 0.99);
		assertThat(result.anomaly()[200]).isTrue();
		assertThat(result.anomaly()[201]).isTrue();
		assertThat(result.score()[200]).isGreaterThan(2);
		assertThat(result.expected()[200]).isCloseTo(y[200] - 12, org.assertj.core.data.Offset.offset(1.5));
		long flagged = IntStream.range(0, n).filter(i -> result.anomaly()[i]).count();
		assertThat(flagged).isLessThanOrEqualTo(2 + n / 50);
		for (int i = 0; i < n; i++) {
			assertThat(result.lower()[i]).isLessThan(result.expected()[i]);
			assertThat(result.anomaly()[i]).isEqualTo(result.score()[i] > 1);
		}
	}

	@Test
	void rejectsBadInputWithClearMessages() {
		List<LocalDateTime> ts = daily(30);
		double[] y = new double[30];
		assertThatThrownBy(() -> forecaster.forecast(daily(3), new double[3], 1, 0.9))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5");
		assertThatThrownBy(() -> forecaster.forecast(ts, y, 0, 0.9)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("horizon");
		assertThatThrownBy(() -> forecaster.forecast(ts, y, 3, 95)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("interval");
		assertThatThrownBy(() -> forecaster.detectAnomalies(ts, y, 1.0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("interval");
		assertThatThrownBy(() -> forecaster.forecast(ts, new double[29], 3, 0.9))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
		List<LocalDateTime> irregular = new ArrayList<>(hourly(30));
		irregular.set(10, irregular.get(10).plusMinutes(30));
		assertThatThrownBy(() -> forecaster.forecast(irregular, y, 3, 0.9))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Irregular timestamps");
		List<LocalDateTime> unordered = new ArrayList<>(daily(30));
		unordered.set(10, unordered.get(12));
		assertThatThrownBy(() -> forecaster.forecast(unordered, y, 3, 0.9))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
		double[] mostlyMissing = new double[30];
		java.util.Arrays.fill(mostlyMissing, Double.NaN);
		assertThatThrownBy(() -> forecaster.forecast(ts, mostlyMissing, 3, 0.9))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-missing");
	}

}
