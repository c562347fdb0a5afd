package dev.eaw.mlops.tracking;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.eaw.mlops.TrackingError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounds on MLflow run and experiment searches: every comparison becomes a subquery PostgreSQL has to plan (500
 * of them kept it planning for minutes) and every listed value a bind parameter (70,000 overflow the driver).
 */
class SearchLimitsTests {

	@Test
	void aFilterHasAtMostFiftyComparisons() {
		assertThat(SearchFilter.parse(metricClauses(SearchLimits.MAX_CLAUSES))).hasSize(50);
		assertThatThrownBy(() -> SearchFilter.parse(metricClauses(500))).isInstanceOfSatisfying(TrackingError.class,
				error -> {
					assertThat(error.code()).isEqualTo(TrackingError.Code.INVALID_PARAMETER_VALUE);
					assertThat(error.getMessage()).contains("at most 50 comparisons").hasSizeLessThan(400);
				});
		assertThatThrownBy(() -> SearchFilter.parse(metricClauses(51))).isInstanceOf(TrackingError.class);
	}

	@Test
	void anInListHasAtMostAThousandValues() {
		assertThat(SearchFilter.parse("attributes.run_id IN (" + quoted(1000) + ")").get(0).value())
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(1000);
		assertThatThrownBy(() -> SearchFilter.parse("attributes.run_id IN (" + quoted(70_000) + ")"))
			.isInstanceOf(TrackingError.class)
			.hasMessageContaining("at most 1000 values");
	}

	@Test
	void aSearchHasAtMostTenOrderByClauses() {
		assertThat(SearchFilter.orderBy(Collections.nCopies(10, "metrics.m DESC"))).hasSize(10);
		assertThatThrownBy(() -> SearchFilter.orderBy(Collections.nCopies(2000, "metrics.m DESC")))
			.isInstanceOf(TrackingError.class)
			.hasMessageContaining("at most 10 order_by clauses");
	}

	@Test
	void nulCharactersAreRefusedBeforeTheyReachPostgres() {
		assertThatThrownBy(() -> SearchFilter.parse("params.p = 'a\0b'")).isInstanceOf(TrackingError.class)
			.hasMessageContaining("NUL");
		assertThatThrownBy(() -> SearchFilter.orderBy(List.of("params.`a\0b`"))).isInstanceOf(TrackingError.class)
			.hasMessageContaining("NUL");
		assertThatThrownBy(() -> MlflowLimits.requireKey("k\0")).isInstanceOf(TrackingError.class)
			.hasMessageContaining("NUL");
	}

	@Test
	void experimentsAreSearchedByNameTimesAndTagsOnly() {
		assertThat(SearchSql.forExperiments(SearchFilter.parse("name LIKE 'a%' AND creation_time > 1 AND "
				+ "last_update_time < 5 AND tags.team = 'x'"), List.of()).conditions).hasSize(4);
		for (String filter : List.of("metrics.a > 1", "params.p = 'x'", "datasets.name = 'd'", "experiment_id = 3",
				"run_name = 'r'")) {
			assertThatThrownBy(() -> SearchSql.forExperiments(SearchFilter.parse(filter), List.of())).as(filter)
				.isInstanceOfSatisfying(TrackingError.class, error -> assertThat(error.getMessage())
					.contains("name, creation_time, last_update_time and tags.<key>"));
		}
	}

	@Test
	void namesLongerThanMlflowAllowsAreRefusedInItsWords() {
		// MAX_EXPERIMENT_NAME_LENGTH = 500 in MLflow's mlflow/utils/validation.py
		MlflowLimits.requireText("Experiment name", "e".repeat(500), MlflowLimits.EXPERIMENT_NAME);
		assertThatThrownBy(() -> MlflowLimits.requireText("Experiment name", "e".repeat(100_000),
				MlflowLimits.EXPERIMENT_NAME))
			.isInstanceOf(TrackingError.class)
			.hasMessageContaining("had length 100000, which exceeded length limit of 500")
			.message()
			.hasSizeLessThan(400);
		assertThatThrownBy(() -> MlflowLimits.requireKey("k".repeat(251))).isInstanceOf(TrackingError.class)
			.hasMessageContaining("1 to 250 characters");
	}

	private static String metricClauses(int count) {
		return IntStream.range(0, count).mapToObj(i -> "metrics.m" + i + " > 0").collect(Collectors.joining(" AND "));
	}

	private static String quoted(int count) {
		return IntStream.range(0, count).mapToObj(i -> "'r" + i + "'").collect(Collectors.joining(", "));
	}

}
