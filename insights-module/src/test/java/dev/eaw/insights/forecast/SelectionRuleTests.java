package dev.eaw.insights.forecast;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-series choice: rolling origins over several windows, Naive1 among the candidates, Comb when short. */
class SelectionRuleTests {

	private static Series daily(double[] y) {
		LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
		return Series.of(IntStream.range(0, y.length).mapToObj(start::plusDays).toList(), y);
	}

	private static Candidate m4(M4Method.Kind kind) {
		return new Candidate(new M4Method(kind, 7), false);
	}

	@Test
	void aRandomWalkWhereNaive1IsBestDoesNotGetAWorseDefault() {
		Random random = new Random(11);
		double[] y = new double[120];
		y[0] = 100;
		for (int t = 1; t < y.length; t++) {
			y[t] = y[t - 1] + 3 * random.nextGaussian();
		}
		Series series = daily(y);
		double[] periods = series.grid().seasonalPeriods(y.length - 14);
		List<Candidate> candidates = new Forecaster().candidates(series, periods);
		assertThat(candidates).contains(m4(M4Method.Kind.NAIVE1));
		Selection chosen = Selection.choose(series, candidates, 14, 14, m4(M4Method.Kind.COMB));
		Selection naive = Selection.choose(series, List.of(m4(M4Method.Kind.NAIVE1)), 14, 14, null);
		assertThat(chosen.actuals()).hasSize(Selection.MAX_WINDOWS);
		assertThat(Selection.error(chosen.actuals(), chosen.forecasts()))
			.isLessThanOrEqualTo(Selection.error(naive.actuals(), naive.forecasts()));
	}

	@Test
	void aShortHistoryUsesOriginsHalfAHoldoutApart() {
		double[] y = IntStream.range(0, 30).mapToDouble(t -> 10 + t % 3).toArray();
		// two full windows of 6 would leave 18 points, three only 12 (< 14): origins 3 apart instead, windows
		// ending at 30, 27, 24 and 21 (training 24, 21, 18 and 15 points)
		Selection selection = Selection.choose(daily(y), List.of(m4(M4Method.Kind.SES)), 6, 14, null);
		assertThat(selection.actuals()).hasSize(4);
		assertThat(selection.actuals().get(1)).containsExactly(10, 11, 12, 10, 11, 12);
	}

	@Test
	void tooShortAHistoryToChooseFallsBackToComb() {
		// 7 weekly points: one-step holdouts leave room for two windows only (5 points are the least to fit on)
		double[] y = { 12, 15, 11, 14, 16, 13, 17 };
		List<LocalDateTime> weeks = IntStream.range(0, y.length)
			.mapToObj(LocalDateTime.of(2024, 1, 1, 0, 0)::plusWeeks)
			.toList();
		assertThat(new Forecaster().forecast(weeks, y, 4, 0.9).method()).isEqualTo("comb");
		double[] longer = IntStream.range(0, 40).mapToDouble(t -> y[t % 7] + t).toArray();
		List<LocalDateTime> more = IntStream.range(0, 40).mapToObj(LocalDateTime.of(2024, 1, 1, 0, 0)::plusWeeks)
			.toList();
		assertThat(new Forecaster().forecast(more, longer, 4, 0.9).method()).isNotEqualTo("comb");
	}

}
