package dev.eaw.web.mlops;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.ExperimentsPage;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.RunsPage;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real MLflow 2.17.2 Java client against our server: experiments, runs, logging, search and errors. */
@AppTest
class MlflowClientTests {

	@LocalServerPort
	int port;

	MlflowClient client;

	@BeforeEach
	void client() {
		client = new MlflowClient(new BasicMlflowHostCreds("http://localhost:" + port, "admin", AppTest.ADMIN_PASSWORD));
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void experimentsAreCreatedFoundSearchedRenamedDeletedAndRestored() {
		String name = unique("client-exp");
		String id = client.createExperiment(name);
		Experiment experiment = client.getExperiment(id);
		assertThat(experiment.getName()).isEqualTo(name);
		assertThat(experiment.getLifecycleStage()).isEqualTo("active");
		assertThat(experiment.getArtifactLocation()).isEqualTo("mlflow-artifacts:/" + id);
		assertThat(client.getExperimentByName(name)).map(Experiment::getExperimentId).hasValue(id);
		assertThat(client.getExperimentByName(unique("no-such-experiment"))).isEqualTo(Optional.empty());
		assertThat(client.getExperiment("0").getName()).isEqualTo("Default");

		client.setExperimentTag(id, "team", "ml");
		assertThat(client.getExperiment(id).getTagsList()).anySatisfy(tag -> {
			assertThat(tag.getKey()).isEqualTo("team");
			assertThat(tag.getValue()).isEqualTo("ml");
		});
		ExperimentsPage byTag = client.searchExperiments("tags.team = 'ml' AND name = '" + name + "'");
		assertThat(byTag.getItems()).extracting(Experiment::getExperimentId).containsExactly(id);
		assertThat(client.searchExperiments().getItems()).extracting(Experiment::getName).contains("Default", name);

		String renamed = name + "-renamed";
		client.renameExperiment(id, renamed);
		assertThat(client.getExperiment(id).getName()).isEqualTo(renamed);

		client.deleteExperiment(id);
		assertThat(client.getExperiment(id).getLifecycleStage()).isEqualTo("deleted");
		assertThat(client.searchExperiments("name = '" + renamed + "'").getItems()).isEmpty();
		assertThat(client.searchExperiments("name = '" + renamed + "'", ViewType.DELETED_ONLY, 10, List.of()).getItems())
			.hasSize(1);
		client.restoreExperiment(id);
		assertThat(client.getExperiment(id).getLifecycleStage()).isEqualTo("active");
	}

	@Test
	void experimentSearchPagesWithTokensAndOrders() {
		String prefix = unique("paged");
		for (int i = 0; i < 5; i++) {
			client.createExperiment(prefix + "-" + i);
		}
		ExperimentsPage first = client.searchExperiments("name LIKE '" + prefix + "%'", ViewType.ACTIVE_ONLY, 2,
				List.of("name DESC"));
		assertThat(first.getItems()).extracting(Experiment::getName).containsExactly(prefix + "-4", prefix + "-3");
		assertThat(first.hasNextPage()).isTrue();
		ExperimentsPage second = (ExperimentsPage) first.getNextPage();
		assertThat(second.getItems()).extracting(Experiment::getName).containsExactly(prefix + "-2", prefix + "-1");
		ExperimentsPage last = (ExperimentsPage) second.getNextPage();
		assertThat(last.getItems()).extracting(Experiment::getName).containsExactly(prefix + "-0");
		assertThat(last.hasNextPage()).isFalse();
	}

	@Test
	void runsLogParamsMetricsAndTagsAndEnd() {
		String experimentId = client.createExperiment(unique("client-runs"));
		RunInfo created = client.createRun(experimentId);
		String runId = created.getRunId();
		assertThat(runId).matches("[0-9a-f]{32}");
		assertThat(created.getRunUuid()).isEqualTo(runId);
		assertThat(created.getStatus()).isEqualTo(RunStatus.RUNNING);
		assertThat(created.getExperimentId()).isEqualTo(experimentId);

		client.logParam(runId, "alpha", "0.5");
		client.logParam(runId, "alpha", "0.5");
		client.logMetric(runId, "loss", 1.0, 1000, 1);
		client.logMetric(runId, "loss", 2.0, 2000, -5);
		client.logMetric(runId, "loss", -3.0, 3000, 4);
		client.logMetric(runId, "loss", 4.0, 2999, 4);
		client.logMetric(runId, "odd", Double.NaN, 10, 0);
		client.logMetric(runId, "big", Double.POSITIVE_INFINITY, 10, 0);
		client.setTag(runId, "user_email", "someone@example.com");
		client.setTag(runId, "doomed", "x");
		client.deleteTag(runId, "doomed");
		client.logBatch(runId,
				List.of(Metric.newBuilder().setKey("acc").setValue(1.0).setTimestamp(1000).setStep(1).build(),
						Metric.newBuilder().setKey("acc").setValue(2.0).setTimestamp(2000).setStep(3).build(),
						Metric.newBuilder().setKey("acc").setValue(3.0).setTimestamp(0).setStep(-2).build()),
				List.of(Param.newBuilder().setKey("depth").setValue("7").build()),
				List.of(RunTag.newBuilder().setKey("stage").setValue("batch").build()));

		Run run = client.getRun(runId);
		assertThat(run.getData().getParamsList()).extracting(Param::getKey, Param::getValue)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("alpha", "0.5"),
					org.assertj.core.groups.Tuple.tuple("depth", "7"));
		assertThat(run.getData().getMetricsList()).filteredOn(m -> m.getKey().equals("loss"))
			.singleElement()
			.satisfies(m -> assertThat(m.getValue()).isEqualTo(-3.0));
		assertThat(run.getData().getMetricsList()).filteredOn(m -> m.getKey().equals("acc"))
			.singleElement()
			.satisfies(m -> assertThat(m.getValue()).isEqualTo(2.0));
		assertThat(run.getData().getMetricsList()).filteredOn(m -> m.getKey().equals("odd"))
			.singleElement()
			.satisfies(m -> assertThat(m.getValue()).isNaN());
		assertThat(run.getData().getMetricsList()).filteredOn(m -> m.getKey().equals("big"))
			.singleElement()
			.satisfies(m -> assertThat(m.getValue()).isEqualTo(Double.POSITIVE_INFINITY));
		assertThat(run.getData().getTagsList()).extracting(RunTag::getKey)
			.contains("user_email", "stage", "mlflow.runName")
			.doesNotContain("doomed");

		List<Metric> history = client.getMetricHistory(runId, "loss");
		assertThat(history).extracting(Metric::getValue).containsExactly(1.0, 2.0, -3.0, 4.0);
		assertThat(history).extracting(Metric::getTimestamp).containsExactly(1000L, 2000L, 3000L, 2999L);
		assertThat(history).extracting(Metric::getStep).containsExactly(1L, -5L, 4L, 4L);
		assertThat(client.getMetricHistory(runId, "never-logged")).isEmpty();

		client.setTerminated(runId);
		RunInfo ended = client.getRun(runId).getInfo();
		assertThat(ended.getStatus()).isEqualTo(RunStatus.FINISHED);
		assertThat(ended.getEndTime()).isPositive().isLessThanOrEqualTo(System.currentTimeMillis());
		client.setTerminated(runId, RunStatus.FAILED, 1234L);
		assertThat(client.getRun(runId).getInfo().getStatus()).isEqualTo(RunStatus.FAILED);
		assertThat(client.getRun(runId).getInfo().getEndTime()).isEqualTo(1234L);
	}

	@Test
	void runsAreSearchedWithFiltersOrderAndPagesAndDeletedAndRestored() {
		String experimentId = client.createExperiment(unique("client-search"));
		String[] ids = new String[6];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = client.createRun(experimentId).getRunId();
			client.logMetric(ids[i], "acc", i / 10.0);
			client.logParam(ids[i], "model", i % 2 == 0 ? "even" : "odd");
			client.setTag(ids[i], "group", i < 3 ? "low" : "high");
		}
		client.setTerminated(ids[4]);
		client.setTerminated(ids[5]);

		RunsPage filtered = client.searchRuns(List.of(experimentId),
				"metrics.acc > 0.15 AND params.model = 'even' AND tags.group = 'high'", ViewType.ACTIVE_ONLY, 10,
				List.of("metrics.acc DESC"));
		assertThat(filtered.getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(ids[4]);
		assertThat(client.searchRuns(List.of(experimentId), "attributes.status = 'FINISHED'"))
			.extracting(RunInfo::getRunId)
			.containsExactlyInAnyOrder(ids[4], ids[5]);

		RunsPage first = client.searchRuns(List.of(experimentId), "metrics.acc >= 0.1", ViewType.ACTIVE_ONLY, 2,
				List.of("metrics.acc DESC"));
		assertThat(first.getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(ids[5], ids[4]);
		assertThat(first.getNextPageToken()).isPresent();
		RunsPage second = client.searchRuns(List.of(experimentId), "metrics.acc >= 0.1", ViewType.ACTIVE_ONLY, 2,
				List.of("metrics.acc DESC"), first.getNextPageToken().get());
		assertThat(second.getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(ids[3], ids[2]);
		RunsPage third = (RunsPage) second.getNextPage();
		assertThat(third.getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(ids[1]);
		assertThat(third.hasNextPage()).isFalse();

		client.deleteRun(ids[0]);
		assertThat(client.getRun(ids[0]).getInfo().getLifecycleStage()).isEqualTo("deleted");
		assertThat(client.searchRuns(List.of(experimentId), "", ViewType.ACTIVE_ONLY)).hasSize(5);
		assertThat(client.searchRuns(List.of(experimentId), "", ViewType.DELETED_ONLY)).extracting(RunInfo::getRunId)
			.containsExactly(ids[0]);
		assertThat(client.searchRuns(List.of(experimentId), "", ViewType.ALL)).hasSize(6);
		client.restoreRun(ids[0]);
		assertThat(client.getRun(ids[0]).getInfo().getLifecycleStage()).isEqualTo("active");
		assertThat(client.listRunInfos(experimentId)).hasSize(6);
	}

	@Test
	void errorsComeBackAsMlflowErrors() {
		assertThatThrownBy(() -> client.getRun("0123456789abcdef0123456789abcdef"))
			.isInstanceOfSatisfying(MlflowHttpException.class, ex -> {
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getBodyMessage()).contains("RESOURCE_DOES_NOT_EXIST")
					.contains("Run '0123456789abcdef0123456789abcdef' not found");
			});
		String name = unique("client-dup");
		client.createExperiment(name);
		assertThatThrownBy(() -> client.createExperiment(name))
			.isInstanceOfSatisfying(MlflowHttpException.class, ex -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getBodyMessage()).contains("RESOURCE_ALREADY_EXISTS");
			});
		String runId = client.createRun().getRunId();
		client.logParam(runId, "lr", "0.1");
		assertThatThrownBy(() -> client.logParam(runId, "lr", "0.2"))
			.isInstanceOfSatisfying(MlflowHttpException.class, ex -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getBodyMessage()).contains("INVALID_PARAMETER_VALUE").contains("Changing param values");
			});
		assertThat(client.getRun(runId).getData().getParamsList()).singleElement()
			.satisfies(p -> assertThat(p.getValue()).isEqualTo("0.1"));
		assertThatThrownBy(() -> client.deleteTag(runId, "fakeTag")).isInstanceOf(MlflowClientException.class)
			.hasMessageContaining("No tag with name: fakeTag");
	}

}
