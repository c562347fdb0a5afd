package dev.eaw.mlops.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;

import dev.eaw.mlops.Algorithm;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Metric;
import dev.eaw.mlops.LoggedModel;
import dev.eaw.mlops.LoggedModelStatus;
import dev.eaw.mlops.LoggedModels;
import dev.eaw.mlops.ModelMetric;
import dev.eaw.mlops.ModelOutput;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.NewLoggedModel;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrainingRequest;
import dev.eaw.mlops.TrainingTable;

/**
 * One training job from table to logged run: split with the seed, encode, search (each candidate a child run scored
 * on a validation share of the training rows), a learning curve, the final fit on all training rows, test metrics and
 * the model package.
 */
final class TrainingPipeline<T extends Output<T>> {

	/** Reports progress (0–1) and the stage a job is in. */
	interface Progress {

		void report(double fraction, String stage);

	}

	static final double VALIDATION_SHARE = 0.2;

	private static final double[] CURVE = { 0.25, 0.5, 0.75 };

	private final TaskModels<T> task;

	private final RunTracking runs;

	private final ArtifactStore artifacts;

	private final LoggedModels models;

	private final Progress progress;

	TrainingPipeline(TaskModels<T> task, RunTracking runs, ArtifactStore artifacts, LoggedModels models,
			Progress progress) {
		this.task = task;
		this.runs = runs;
		this.artifacts = artifacts;
		this.models = models;
		this.progress = progress;
	}

	void run(Run run, TrainingRequest request, Algorithm algorithm, Hyperparameters chosen,
			List<Hyperparameters> candidates, TrainingTable table) {
		String runId = run.info().runId();
		Split<T> split = new Split<>(table, request.target(), task, request.seed(), request.testFraction());
		Encoding encoding = Encoding.fit(table, request.target(), split.train());
		logParams(runId, request, algorithm, table, split, encoding, candidates.size());
		progress.report(0.1, "encoded " + encoding.inputs().size() + " columns");
		Hyperparameters parameters = candidates.isEmpty() ? chosen
				: search(run, request, algorithm, candidates, split, encoding);
		runs.logBatch(runId, List.of(), params(parameters.values()), List.of());
		MutableDataset<T> test = split.dataset("test", split.test(), encoding);
		curve(runId, request, algorithm, parameters, split, encoding, test);
		progress.report(0.8, "training on " + split.train().size() + " rows");
		MutableDataset<T> train = split.dataset("train", split.train(), encoding);
		long started = System.nanoTime();
		Model<T> model = task.trainer(algorithm.key(), parameters, request.seed()).train(train);
		double seconds = (System.nanoTime() - started) / 1e9;
		progress.report(0.9, "evaluating and saving the model");
		TaskModels.Evaluated evaluated = task.evaluate(model, test);
		Map<String, Double> metrics = new LinkedHashMap<>(evaluated.metrics());
		metrics.put("training_time_s", seconds);
		LoggedModel logged = models.create(new NewLoggedModel(run.info().experimentId(), "model",
				algorithm.task().key(), runId, params(parameters.values()), List.of(new Tag("eaw.algorithm",
						algorithm.key()))));
		logMetrics(runId, metrics, 0, logged.modelId(), table.name());
		logMetrics(runId, Map.of("learning_curve_" + task.selectionMetric(), metrics.get(task.selectionMetric())),
				split.train().size());
		ModelSignature signature = ModelPackage.signature(model, algorithm, request.target(), encoding.inputs(),
				task.classes(model));
		Map<String, Object> profile = FeatureProfile.of(table, encoding.inputs(), split.train());
		ModelPackage files = new ModelPackage(artifacts, run.info().artifactUri());
		files.write(runId, model, signature, profile);
		evaluated.artifacts().forEach((name, value) -> files.putJson("evaluation/" + name, value));
		files.putJson("evaluation/feature_importance.json", Importance.of(model, algorithm.key()));
		runs.setTag(runId, new Tag("eaw.model.format", signature.format()));
		new ModelPackage(artifacts, logged.artifactUri(), "").write(runId, model, signature, profile);
		models.finish(logged.modelId(), LoggedModelStatus.READY);
		models.logOutputs(runId, List.of(new ModelOutput(logged.modelId(), 0)));
	}

	private void logParams(String runId, TrainingRequest request, Algorithm algorithm, TrainingTable table,
			Split<T> split, Encoding encoding, int candidates) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("algorithm", algorithm.key());
		params.put("task", algorithm.task().key());
		params.put("dataset", table.name());
		params.put("dataset_fingerprint", Split.fingerprint(table));
		params.put("dataset_rows", Integer.toString(table.rows().size()));
		params.put("target", request.target());
		params.put("seed", Long.toString(request.seed()));
		params.put("test_fraction", Double.toString(request.testFraction()));
		params.put("train_rows", Integer.toString(split.train().size()));
		params.put("test_rows", Integer.toString(split.test().size()));
		params.put("inputs", String.join(",", encoding.inputs().stream().map(ModelSignature.Input::name).toList()));
		params.put("dropped_columns", String.join(",", encoding.dropped()));
		if (request.search() != null) {
			params.put("search_strategy", request.search().strategy());
			params.put("search_candidates", Integer.toString(candidates));
			params.put("search_metric", "validation_" + task.selectionMetric());
		}
		runs.logBatch(runId, List.of(), params(params), List.of());
		String schema = table.columns()
			.stream()
			.map(c -> "{\"type\": \"" + (c.numeric() ? "double" : "string") + "\", \"name\": \"" + c.name() + "\"}")
			.collect(java.util.stream.Collectors.joining(", ", "{\"mlflow_colspec\": [", "]}"));
		runs.logInputs(runId, List.of(new DatasetInput(table.name(), params.get("dataset_fingerprint").substring(0, 8),
				"insights", "insights:/" + table.name(), schema, "{\"num_rows\": " + table.rows().size() + "}",
				List.of(new Tag("mlflow.data.context", "training")))));
	}

	private Hyperparameters search(Run parent, TrainingRequest request, Algorithm algorithm,
			List<Hyperparameters> candidates, Split<T> split, Encoding encoding) {
		List<Integer> fit = Split.tail(split.train(), VALIDATION_SHARE);
		List<Integer> validation = Split.head(split.train(), VALIDATION_SHARE);
		MutableDataset<T> fitData = split.dataset("search-train", fit, encoding);
		MutableDataset<T> validationData = split.dataset("validation", validation, encoding);
		Hyperparameters best = candidates.get(0);
		double bestScore = Double.NaN;
		for (int i = 0; i < candidates.size(); i++) {
			progress.report(0.1 + 0.5 * i / candidates.size(),
					"search: candidate " + (i + 1) + " of " + candidates.size());
			Hyperparameters candidate = candidates.get(i);
			Run child = runs.create(new dev.eaw.mlops.NewRun(parent.info().experimentId(), parent.info().userId(),
					parent.info().runName() + "-" + (i + 1), null,
					List.of(new Tag("mlflow.parentRunId", parent.info().runId()),
							new Tag("eaw.algorithm", algorithm.key()))));
			try {
				runs.logBatch(child.info().runId(), List.of(), params(candidate.values()), List.of());
				Model<T> model = task.trainer(algorithm.key(), candidate, request.seed()).train(fitData);
				// a stop that came while this candidate trained ends it here, before it could be marked finished
				progress.report(0.1 + 0.5 * (i + 0.5) / candidates.size(),
						"search: candidate " + (i + 1) + " of " + candidates.size() + " trained");
				Map<String, Double> scores = task.evaluate(model, validationData).metrics();
				Map<String, Double> named = new LinkedHashMap<>();
				scores.forEach((name, value) -> named.put("validation_" + name, value));
				logMetrics(child.info().runId(), named, 0);
				double score = scores.get(task.selectionMetric());
				logMetrics(parent.info().runId(), Map.of("search_validation_" + task.selectionMetric(), score), i + 1);
				if (Double.isNaN(bestScore) || (task.higherIsBetter() ? score > bestScore : score < bestScore)) {
					bestScore = score;
					best = candidate;
				}
				runs.update(child.info().runId(), dev.eaw.mlops.RunStatus.FINISHED, System.currentTimeMillis(), null);
			}
			catch (RuntimeException ex) {
				if (!(ex instanceof TrainingStopped)) {
					// a stopped job's runs are ended together, with the reason
					runs.update(child.info().runId(), dev.eaw.mlops.RunStatus.FAILED, System.currentTimeMillis(), null);
				}
				throw ex;
			}
		}
		return best;
	}

	/** The test score after training on growing shares of the training rows: metric {@code learning_curve_*}. */
	private void curve(String runId, TrainingRequest request, Algorithm algorithm, Hyperparameters parameters,
			Split<T> split, Encoding encoding, MutableDataset<T> test) {
		for (int i = 0; i < CURVE.length; i++) {
			progress.report(0.6 + 0.2 * i / CURVE.length, "learning curve: " + Math.round(CURVE[i] * 100) + "% of rows");
			List<Integer> rows = Split.head(split.train(), CURVE[i]);
			Model<T> model = task.trainer(algorithm.key(), parameters, request.seed())
				.train(split.dataset("curve", rows, encoding));
			double score = task.evaluate(model, test).metrics().get(task.selectionMetric());
			logMetrics(runId, Map.of("learning_curve_" + task.selectionMetric(), score), rows.size());
		}
	}

	private void logMetrics(String runId, Map<String, Double> metrics, long step) {
		logMetrics(runId, metrics, step, null, null);
	}

	/** Logs metrics to the run, and to the logged model (measured on the dataset) when one is given. */
	private void logMetrics(String runId, Map<String, Double> metrics, long step, @Nullable String modelId,
			@Nullable String dataset) {
		long now = System.currentTimeMillis();
		List<ModelMetric> list = new ArrayList<>();
		metrics.forEach((key, value) -> list.add(new ModelMetric(key, value, now, step, modelId, dataset, null, null)));
		models.logBatch(runId, list, List.of(), List.of());
	}

	private static List<Param> params(Map<String, String> values) {
		List<Param> params = new ArrayList<>();
		values.forEach((key, value) -> params.add(new Param(key, value)));
		return params;
	}

}
