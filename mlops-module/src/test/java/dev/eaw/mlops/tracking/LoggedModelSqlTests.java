package dev.eaw.mlops.tracking;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.eaw.mlops.LoggedModelSearch;
import dev.eaw.mlops.LoggedModelSearch.Dataset;
import dev.eaw.mlops.LoggedModelSearch.OrderBy;
import dev.eaw.mlops.LoggedModelStatus;
import dev.eaw.mlops.TrackingError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logged-model searches as MLflow 3 takes them (mlflow/protos/service.proto {@code SearchLoggedModels}: a filter,
 * datasets the metric comparisons count on, {@code OrderBy} messages with {@code field_name}, {@code ascending},
 * {@code dataset_name}, {@code dataset_digest}), parsed by the same filter parser as runs.
 */
class LoggedModelSqlTests {

	@Test
	void statusesCompareByTheirProtoOrPythonNames() {
		LoggedModelSql sql = LoggedModelSql.of(search("status = 'LOGGED_MODEL_READY' AND status != 'FAILED'",
				List.of(), List.of()));
		assertThat(sql.params).containsValues("READY", "UPLOAD_FAILED");
		assertThat(LoggedModelStatus.of("ready")).isEqualTo(LoggedModelStatus.READY);
		assertThat(LoggedModelStatus.READY.wire()).isEqualTo("LOGGED_MODEL_READY");
		assertThatThrownBy(() -> LoggedModelStatus.of("DONE")).isInstanceOf(TrackingError.class);
	}

	@Test
	void metricComparisonsAndOrderingsKeepToTheDatasets() {
		LoggedModelSql sql = LoggedModelSql.of(search("metrics.`val acc` > 0.9 AND name = 'O''Brien'",
				List.of(new Dataset("iris", "abc"), new Dataset("wine", null)),
				List.of(new OrderBy("metrics.`val acc`", false, "iris", null), new OrderBy("creation_timestamp", true,
						null, null))));
		assertThat(sql.where()).contains("x.dataset_name = :", "x.dataset_digest = :", " OR ", "lm.name = :");
		assertThat(sql.params).containsValues("val acc", 0.9, "iris", "abc", "wine", "O'Brien");
		assertThat(sql.orderBy.get(0)).contains("logged_model_metrics").endsWith("DESC NULLS LAST");
		assertThat(sql.orderBy).contains("lm.creation_time ASC NULLS LAST", "lm.model_id ASC");
	}

	@Test
	void unknownKeysAndMisplacedDatasetsAreRefused() {
		assertThatThrownBy(() -> LoggedModelSql.of(search("run_name = 'x'", List.of(), List.of())))
			.isInstanceOf(TrackingError.class).hasMessageContaining("Invalid attribute key 'run_name'");
		assertThatThrownBy(() -> LoggedModelSql.of(search("creation_timestamp > '5'", List.of(), List.of())))
			.isInstanceOf(TrackingError.class).hasMessageContaining("numbers");
		assertThatThrownBy(() -> LoggedModelSql.of(search(null, List.of(),
				List.of(new OrderBy("params.lr", true, "iris", null))))).isInstanceOf(TrackingError.class)
			.hasMessageContaining("Only a metric");
		assertThatThrownBy(() -> LoggedModelSql.of(search("datasets.name = 'iris'", List.of(), List.of())))
			.isInstanceOf(TrackingError.class);
	}

	private static LoggedModelSearch search(String filter, List<Dataset> datasets, List<OrderBy> orderBy) {
		return new LoggedModelSearch(List.of("1"), filter, datasets, 50, orderBy, null);
	}

}
