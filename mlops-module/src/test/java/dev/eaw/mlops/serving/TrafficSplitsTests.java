package dev.eaw.mlops.serving;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.TrafficRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A traffic split's shape and how requests pick their route. */
class TrafficSplitsTests {

	@Test
	void aSplitHasAtMostTenRoutesOfZeroToHundredPercentSummingToHundred() {
		assertThatCode(() -> TrafficSplits.validate(List.of())).doesNotThrowAnyException();
		assertThatCode(() -> TrafficSplits.validate(List.of(new TrafficRoute("champion", 90), new TrafficRoute("2", 10),
				new TrafficRoute("3", 0)))).doesNotThrowAnyException();
		assertThatCode(() -> TrafficSplits.validate(Collections.nCopies(10, new TrafficRoute("1", 10))))
			.doesNotThrowAnyException();
		assertInvalid(Collections.nCopies(11, new TrafficRoute("1", 10)), "at most 10 routes");
		assertInvalid(List.of(new TrafficRoute("1", 50), new TrafficRoute("2", 30)), "sum to 80", "must sum to 100");
		assertInvalid(List.of(new TrafficRoute("1", 120), new TrafficRoute("2", -20)), "Route '1' has 120 percent");
		assertInvalid(List.of(new TrafficRoute("1", 100), new TrafficRoute("2", -1)), "Route '2' has -1 percent");
		assertInvalid(List.of(new TrafficRoute(" ", 100)), "needs a 'target'");
	}

	@Test
	void routesTakeConsecutiveBuckets() {
		List<TrafficRoute> split = List.of(new TrafficRoute("champion", 90), new TrafficRoute("none", 0),
				new TrafficRoute("2", 10));
		assertThat(TrafficSplits.pick(split, 0)).isEqualTo("champion");
		assertThat(TrafficSplits.pick(split, 89)).isEqualTo("champion");
		assertThat(TrafficSplits.pick(split, 90)).isEqualTo("2");
		assertThat(TrafficSplits.pick(split, 99)).isEqualTo("2");
	}

	@Test
	void aKeyAlwaysHasTheSameBucketAndKeysSpreadEvenly() {
		Map<Integer, Integer> counts = new HashMap<>();
		for (int i = 0; i < 10_000; i++) {
			int bucket = TrafficSplits.bucket("customer-" + i);
			assertThat(bucket).isBetween(0, 99);
			assertThat(TrafficSplits.bucket("customer-" + i)).isEqualTo(bucket);
			counts.merge(bucket, 1, Integer::sum);
		}
		assertThat(counts).hasSize(100);
		assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(50, 150));
	}

	private static void assertInvalid(List<TrafficRoute> routes, String... details) {
		assertThatThrownBy(() -> TrafficSplits.validate(routes)).isInstanceOf(InvalidInput.class)
			.hasMessageContainingAll(details);
	}

}
