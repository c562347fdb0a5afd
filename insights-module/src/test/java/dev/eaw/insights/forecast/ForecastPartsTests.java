package dev.eaw.insights.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForecastPartsTests {

	@Test
	void inverseNormalMatchesKnownQuantiles() {
		assertThat(Stats.normalQuantile(0.5)).isCloseTo(0, within(1e-9));
		assertThat(Stats.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-5));
		assertThat(Stats.normalQuantile(0.995)).isCloseTo(2.575829, within(1e-5));
		assertThat(Stats.normalQuantile(0.001)).isCloseTo(-3.090232, within(1e-5));
	}

	@Test
	void ridgeSolvesALinearSystem() {
		double[][] a = { { 4, 2, 0 }, { 2, 5, 1 }, { 0, 1, 3 } };
		double[] x = Ridge.solve(a, new double[] { 8, 15, 11 });
		assertThat(x).containsExactly(new double[] { 1, 2, 3 }, within(1e-9));
	}

	@Test
	void interpolatesGapsAndMeasuresRobustSpread() {
		assertThat(Stats.interpolate(new double[] { Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN }))
			.containsExactly(1, 1, 2, 3, 4, 4);
		assertThat(Stats.madSigma(new double[] { 1, 2, 3, 4, 1000 })).isCloseTo(1.4826, within(1e-9));
	}

	@Test
	void infersStepsAndSeasonalPeriods() {
		LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
		TimeGrid hourly = TimeGrid.infer(IntStream.range(0, 400).mapToObj(start::plusHours).toList());
		assertThat(hourly.seasonalPeriods(400)).containsExactly(24, 168);
		TimeGrid daily = TimeGrid.infer(IntStream.range(0, 800).mapToObj(start::plusDays).toList());
		assertThat(daily.daily()).isTrue();
		assertThat(daily.seasonalPeriods(800)).containsExactly(7, 365.25);
		TimeGrid weekly = TimeGrid.infer(IntStream.range(0, 120).mapToObj(start::plusWeeks).toList());
		assertThat(weekly.seasonalPeriods(120)).hasSize(1);
		assertThat(weekly.seasonalPeriods(120)[0]).isCloseTo(52.18, within(0.01));
		TimeGrid gappy = TimeGrid.infer(List.of(start, start.plusDays(1), start.plusDays(2), start.plusDays(5)));
		assertThat(gappy.positions()).containsExactly(0, 1, 2, 5);
		assertThat(gappy.future(1)).containsExactly(start.plusDays(6));
	}

	@Test
	void computesUsFederalHolidaysFromRules() {
		assertThat(UsHolidays.of(LocalDate.of(2023, 11, 23))).isEqualTo(9);
		assertThat(UsHolidays.of(LocalDate.of(2024, 5, 27))).isEqualTo(3);
		assertThat(UsHolidays.of(LocalDate.of(2024, 9, 2))).isEqualTo(6);
		assertThat(UsHolidays.of(LocalDate.of(2024, 9, 3))).isEqualTo(-1);
	}

	@Test
	void holtWintersTracksASeasonalSeries() {
		double[] y = IntStream.range(0, 96).mapToDouble(t -> 20 + 0.1 * t + 5 * Math.sin(2 * Math.PI * t / 12)).toArray();
		boolean[] observed = new boolean[96];
		java.util.Arrays.fill(observed, true);
		double[] forecast = new HoltWinters(12, true).fit(y, observed, null).forecast(12);
		for (int h = 0; h < 12; h++) {
			assertThat(forecast[h]).isCloseTo(20 + 0.1 * (96 + h) + 5 * Math.sin(2 * Math.PI * (96 + h) / 12), within(1.0));
		}
	}


	@Test
	void prophetStyleFollowsATrendChangeAndLearnsHolidays() {
		LocalDate start = LocalDate.of(2019, 1, 1);
		int n = 3 * 365;
		double[] y = new double[n];
		boolean[] observed = new boolean[n];
		for (int t = 0; t < n; t++) {
			// slope 0.2/day, then -0.1/day from day 600; weekly pattern; -30 on US federal holidays
			y[t] = 100 + 0.2 * Math.min(t, 600) - 0.1 * Math.max(0, t - 600) + 4 * Math.sin(2 * Math.PI * t / 7)
					+ (UsHolidays.of(start.plusDays(t)) >= 0 ? -30 : 0);
			observed[t] = true;
		}
		Fit fit = new ProphetStyle(new double[] { 7, 365.25 }, 10, 1).fit(y, observed, start::plusDays);
		double[] forecast = fit.forecast(400);
		for (int h : new int[] { 0, 30, 60 }) {
			int t = n + h;
			double truth = 100 + 0.2 * 600 - 0.1 * (t - 600) + 4 * Math.sin(2 * Math.PI * t / 7);
			if (UsHolidays.of(start.plusDays(t)) < 0) {
				assertThat(forecast[h]).as("day %d", h).isCloseTo(truth, within(3.0 + 0.05 * h));
			}
		}
		double slope = (forecast[70] - forecast[0]) / 70;
		assertThat(slope).as("the new downward slope, shrunk a little by the ridge penalty").isBetween(-0.12, -0.06);
		int thanksgiving = (int) java.time.temporal.ChronoUnit.DAYS.between(start, LocalDate.of(2022, 11, 24));
		assertThat(forecast[thanksgiving - n]).isLessThan(forecast[thanksgiving - n - 7] - 20);
	}

}
