package dev.eaw.mlops.registry;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.eaw.mlops.TrackingError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's search bounds and keys: MLflow filters registered models and versions on name, run_id, source_path,
 * version_number and tags, and only orders by creation_timestamp and last_updated_timestamp
 * (SearchModelVersionUtils in MLflow's mlflow/utils/search_utils.py).
 */
class RegistryFilterTests {

	private static final Map<String, String> COLUMNS = Map.of("name", "m.name", "run_id", "v.run_id",
			"version_number", "v.version", "creation_timestamp", "v.creation_time", "last_updated_timestamp",
			"v.last_updated_time");

	private static final String TAGS = "EXISTS (SELECT 1 FROM t WHERE %s)";

	@Test
	void timestampsOrderButDoNotFilter() {
		assertThatThrownBy(() -> RegistryFilter.parse("creation_timestamp = 1700000000000", COLUMNS, TAGS))
			.isInstanceOfSatisfying(TrackingError.class, error -> {
				assertThat(error.code()).isEqualTo(TrackingError.Code.INVALID_PARAMETER_VALUE);
				assertThat(error.getMessage()).contains("Invalid attribute key 'creation_timestamp'")
					.contains("can only order results");
			});
		assertThatThrownBy(() -> RegistryFilter.parse("last_updated_timestamp = '5'", COLUMNS, TAGS))
			.isInstanceOf(TrackingError.class);
		assertThat(RegistryFilter.parse("name = 'm'", COLUMNS, TAGS)
			.orderBy(List.of("creation_timestamp DESC"), List.of()).orderBy).containsExactly("v.creation_time DESC");
	}

	@Test
	void aFilterIsBounded() {
		assertThat(RegistryFilter.parse(clauses(50), COLUMNS, TAGS).params).hasSize(100);
		assertThatThrownBy(() -> RegistryFilter.parse(clauses(500), COLUMNS, TAGS)).isInstanceOf(TrackingError.class)
			.hasMessageContaining("at most 50 comparisons");
		String many = IntStream.range(0, 70_000).mapToObj(i -> "'r" + i + "'").collect(Collectors.joining(", "));
		assertThatThrownBy(() -> RegistryFilter.parse("run_id IN (" + many + ")", COLUMNS, TAGS))
			.isInstanceOf(TrackingError.class)
			.hasMessageContaining("at most 1000 values")
			.message()
			.hasSizeLessThan(400);
		assertThatThrownBy(() -> RegistryFilter.parse(null, COLUMNS, TAGS)
			.orderBy(Collections.nCopies(2000, "name"), List.of())).isInstanceOf(TrackingError.class)
			.hasMessageContaining("at most 10 order_by clauses");
		assertThatThrownBy(() -> RegistryFilter.parse("name = 'a\0'", COLUMNS, TAGS)).isInstanceOf(TrackingError.class)
			.hasMessageContaining("NUL");
	}

	/**
	 * The registry takes the same literals as run searches: {@code name = 'O''Brien'} (a doubled quote, SQL's
	 * escape, which the regex-based filter refused), backquoted tag keys and a numeric version_number.
	 */
	@Test
	void registryFiltersShareTheRunParser() {
		RegistryFilter sql = RegistryFilter.parse("name = 'O''Brien' AND tags.`my key` = 'a''b' AND version_number = 3",
				COLUMNS, TAGS);
		assertThat(sql.params).containsValues("O'Brien", "my key", "a'b", 3);
		assertThat(sql.where.toString()).contains("m.name = :", "v.version = :");
		assertThat(RegistryFilter.parse("run_id IN ('a', 'b''c')", COLUMNS, TAGS).params)
			.containsValue(List.of("a", "b'c"));
		assertThatThrownBy(() -> RegistryFilter.parse("metrics.x > 1", COLUMNS, TAGS)).isInstanceOf(TrackingError.class);
		assertThatThrownBy(() -> RegistryFilter.parse("version_number LIKE '1%'", COLUMNS, TAGS))
			.isInstanceOf(TrackingError.class);
	}

	private static String clauses(int count) {
		return IntStream.range(0, count).mapToObj(i -> "tags.k" + i + " = 'v'").collect(Collectors.joining(" AND "));
	}

}
