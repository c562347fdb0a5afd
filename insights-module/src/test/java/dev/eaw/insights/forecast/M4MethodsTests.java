package dev.eaw.insights.forecast;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The M4 competition's benchmark methods, checked against values worked out by hand. Definitions from the M4 code,
 * Mcompetitions/M4-methods, {@code Benchmarks and Evaluation.R} (functions {@code SeasonalityTest},
 * {@code Theta.classic} and {@code Benchmarks}: Naive2/SES/Holt/Damped/Theta on the seasonally adjusted series,
 * Comb = (SES + Holt + Damped) / 3).
 */
class M4MethodsTests {

	private static final boolean[] NONE = new boolean[0];

	@Test
	void sesWithAFixedAlphaFollowsTheRecursionByHand() {
		// ℓ0 = 10; errors 0, 2, 0, 2 with α = ½: levels 10, 11, 11, 12
		Smoothing ses = Smoothing.ses(new double[] { 10, 12, 11, 13 }, 0.5);
		assertThat(ses.fitted()).containsExactly(10, 10, 11, 11);
		assertThat(ses.forecast(2)).containsExactly(12, 12);
	}

	@Test
	void holtAndDampedHoltWithFixedParametersFollowTheRecursionsByHand() {
		// ℓ0 = 10, b0 = 2, α = 0.5, β = 0.2: levels 11, 12.3, 13.39, 14.857 and trends 1.6, 1.48, 1.324, 1.3812
		Smoothing holt = Smoothing.holt(new double[] { 10, 12, 13, 15 }, 0.5, 0.2, 1);
		assertThat(holt.fitted()).containsExactly(new double[] { 12, 12.6, 13.78, 14.714 }, within(1e-9));
		assertThat(holt.forecast(2)).containsExactly(new double[] { 16.2382, 17.6194 }, within(1e-9));
		// φ = 0.9: ŷ = 11.8, then ℓ 10.9, b 1.44; ŷ = 12.196, then ℓ 12.098, b 1.2568
		Smoothing damped = Smoothing.holt(new double[] { 10, 12 }, 0.5, 0.2, 0.9);
		assertThat(damped.fitted()).containsExactly(new double[] { 11.8, 12.196 }, within(1e-9));
		assertThat(damped.forecast(2)).containsExactly(new double[] { 13.22912, 14.247128 }, within(1e-9));
	}

	@Test
	void fittedSmoothingParametersStayInTheirRanges() {
		double[] trend = IntStream.range(0, 40).mapToDouble(t -> 5 + 2 * t).toArray();
		Smoothing holt = Smoothing.fitHolt(trend, false);
		assertThat(holt.forecast(3)).containsExactly(new double[] { 85, 87, 89 }, within(0.05));
		Smoothing damped = Smoothing.fitHolt(trend, true);
		assertThat(damped.phi()).isBetween(0.8, 0.98);
		assertThat(damped.forecast(3)[2]).isLessThan(89);
	}

	@Test
	void thetaAveragesTheRegressionLineAndSesOnTheThetaLine() {
		// line through 1, 2, 3, 5: −0.5 + 1.3t; theta line 2y − line = 1.2, 1.9, 2.6, 5.3; SES(½) level 3.6875
		Fit theta = Theta.fit(new double[] { 1, 2, 3, 5 }, line -> Smoothing.ses(line, 0.5));
		assertThat(theta.forecast(2)).containsExactly(new double[] { 4.84375, 5.49375 }, within(1e-9));
		// negative forecasts of a positive series become 0 (M4: "Zero forecasts become positive")
		assertThat(Theta.fit(new double[] { 9, 7, 5, 3, 1 }, line -> Smoothing.ses(line, 0.5)).forecast(3)[2])
			.isZero();
	}

	@Test
	void seasonalityTestAndMultiplicativeIndicesMatchClassicalDecomposition() {
		double[] pattern = { 0.5, 1, 1.5, 1 };
		double[] seasonal = IntStream.range(0, 20).mapToDouble(t -> 100 * pattern[t % 4]).toArray();
		assertThat(Decomposition.seasonal(seasonal, 4)).isTrue();
		assertThat(Decomposition.indices(seasonal, 4)).containsExactly(pattern, within(1e-12));
		// fewer than three seasons are never seasonal; nor is white noise
		assertThat(Decomposition.seasonal(Arrays.copyOf(seasonal, 11), 4)).isFalse();
		Random random = new Random(3);
		double[] noise = IntStream.range(0, 60).mapToDouble(t -> 50 + random.nextGaussian()).toArray();
		assertThat(Decomposition.seasonal(noise, 4)).isFalse();
	}

	@Test
	void naive2ReseasonalizesTheLastAdjustedValueWhileNaive1RepeatsTheLastValue() {
		double[] pattern = { 0.5, 1, 1.5, 1 };
		double[] y = IntStream.range(0, 20).mapToDouble(t -> 100 * pattern[t % 4]).toArray();
		assertThat(new M4Method(M4Method.Kind.NAIVE2, 4).fit(y, NONE, null).forecast(4))
			.containsExactly(new double[] { 50, 100, 150, 100 }, within(1e-9));
		assertThat(new M4Method(M4Method.Kind.NAIVE1, 4).fit(y, NONE, null).forecast(2)).containsExactly(100, 100);
		// a season that fails the test (here: 3) leaves the series unadjusted
		assertThat(new M4Method(M4Method.Kind.NAIVE2, 3).fit(y, NONE, null).forecast(1)).containsExactly(100);
	}

	@Test
	void combIsTheMeanOfSesHoltAndDamped() {
		Random random = new Random(5);
		double[] y = IntStream.range(0, 50).mapToDouble(t -> 20 + 0.3 * t + random.nextGaussian()).toArray();
		double[] ses = Smoothing.fitSes(y).forecast(5);
		double[] holt = Smoothing.fitHolt(y, false).forecast(5);
		double[] damped = Smoothing.fitHolt(y, true).forecast(5);
		double[] comb = new M4Method(M4Method.Kind.COMB, 1).fit(y, NONE, null).forecast(5);
		for (int h = 0; h < 5; h++) {
			assertThat(comb[h]).isCloseTo((ses[h] + holt[h] + damped[h]) / 3, within(1e-9));
		}
	}

	@Test
	void singleMethodForecastersAreNamedAsInM4() {
		assertThat(Forecaster.M4_METHODS).containsExactly("Naive1", "Naive2", "SES", "Holt", "Damped", "Theta", "Comb");
		List<LocalDateTime> ts = IntStream.range(0, 30).mapToObj(LocalDateTime.of(2024, 1, 1, 0, 0)::plusWeeks)
			.toList();
		double[] y = IntStream.range(0, 30).mapToDouble(t -> 10 + t).toArray();
		assertThat(Forecaster.m4("theta", 0).forecast(ts, y, 3, 0.9).method()).isEqualTo("theta");
		assertThatThrownBy(() -> Forecaster.m4("arima", 0)).hasMessageContaining("Naive1");
	}

}
