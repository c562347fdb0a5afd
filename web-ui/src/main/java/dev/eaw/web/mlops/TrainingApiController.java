package dev.eaw.web.mlops;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.Algorithm;
import dev.eaw.mlops.HyperparameterSearch;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelTraining;
import dev.eaw.mlops.TrainingJob;
import dev.eaw.mlops.TrainingRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/mlops")
@Tag(name = "MLOps training", description = "Train Tribuo models in the background; each job logs an MLflow run")
class TrainingApiController {

	private final ModelTraining training;

	private final CsvTraining csv;

	TrainingApiController(ModelTraining training, CsvTraining csv) {
		this.training = training;
		this.csv = csv;
	}

	/** A training request as JSON; hyperparameter values may be numbers or text. */
	record TrainingBody(@Nullable String dataset, @Nullable String target, @Nullable String task,
			@Nullable String algorithm, @Nullable Map<String, Object> hyperparameters, @Nullable SearchBody search,
			@Nullable String experiment, @Nullable Long seed, @Nullable Double testFraction, @Nullable String runName) {

		TrainingRequest toRequest() {
			if (dataset == null || dataset.isBlank() || target == null || target.isBlank() || algorithm == null) {
				throw new InvalidInput("A training request needs 'dataset', 'target' and 'algorithm'.");
			}
			MlTask kind;
			try {
				kind = task == null ? MlTask.CLASSIFICATION : MlTask.of(task);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("'task' is 'classification' or 'regression', not '" + task + "'.");
			}
			return new TrainingRequest(dataset.trim(), target.trim(), kind, algorithm.trim(), text(hyperparameters),
					search == null ? null : search.toSearch(), experiment == null || experiment.isBlank()
							? TrainingRequest.DEFAULT_EXPERIMENT : experiment.trim(),
					seed == null ? TrainingRequest.DEFAULT_SEED : seed,
					testFraction == null ? TrainingRequest.DEFAULT_TEST_FRACTION : testFraction,
					runName == null || runName.isBlank() ? null : runName.trim());
		}

	}

	/** A search: {@code grid} or {@code random} (with {@code trials}) over lists of values per hyperparameter. */
	record SearchBody(@Nullable String strategy, @Nullable Integer trials, @Nullable Map<String, List<Object>> space) {

		HyperparameterSearch toSearch() {
			Map<String, List<String>> values = new LinkedHashMap<>();
			if (space != null) {
				space.forEach((name, list) -> values.put(name, list.stream().map(String::valueOf).toList()));
			}
			return new HyperparameterSearch(strategy == null ? "grid" : strategy, trials == null ? 10 : trials, values);
		}

	}

	static Map<String, String> text(@Nullable Map<String, Object> values) {
		Map<String, String> text = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((name, value) -> text.put(name, String.valueOf(value)));
		}
		return text;
	}

	@GetMapping("/algorithms")
	@Operation(summary = "The algorithms on offer with their hyperparameters, defaults and bounds")
	List<Algorithm> algorithms() {
		return training.algorithms();
	}

	@PostMapping(path = "/training-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Queue a training job",
			description = "Body: dataset, target, task (classification|regression), algorithm, hyperparameters, "
					+ "optional search {strategy: grid|random, trials, space: {name: [values]}}, experiment, seed, "
					+ "testFraction, runName. Answers 202 with the job; poll its Location for progress.")
	ResponseEntity<TrainingJob> submit(@RequestBody TrainingBody body, Principal principal) {
		TrainingJob job = training.submit(body.toRequest(), principal.getName());
		return ResponseEntity.accepted().location(URI.create("/api/mlops/training-runs/" + job.id())).body(job);
	}

	@PostMapping(path = "/training-runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a CSV and train on it",
			description = "Multipart 'file' plus fields dataset (the name to load it as; it must be new), target, task, "
					+ "algorithm, experiment, seed, testFraction, runName and hp.<name> per hyperparameter. The file "
					+ "becomes an Insights dataset, then the job is queued (202).")
	ResponseEntity<TrainingJob> submitCsv(@RequestPart("file") MultipartFile file, @RequestParam Map<String, String> form,
			Principal principal) {
		TrainingJob job = csv.submit(file, form, principal.getName());
		return ResponseEntity.accepted().location(URI.create("/api/mlops/training-runs/" + job.id())).body(job);
	}

	@GetMapping("/training-runs")
	@Operation(summary = "The newest training jobs")
	List<TrainingJob> recent(@RequestParam(defaultValue = "50") int limit) {
		return training.recent(Math.min(Math.max(limit, 1), 500));
	}

	@GetMapping("/training-runs/{id}")
	@Operation(summary = "One training job with its state, progress and run")
	TrainingJob job(@PathVariable String id) {
		return training.find(id).orElseThrow(() -> new NotFound("No training job '" + id + "'."));
	}

}
