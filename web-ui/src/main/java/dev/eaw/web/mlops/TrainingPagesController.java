package dev.eaw.web.mlops;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.eaw.insights.Datasets;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.HyperparameterSearch;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelTraining;
import dev.eaw.mlops.TrainingJob;
import dev.eaw.mlops.TrainingRequest;
import dev.eaw.mlops.TrainingState;
import dev.eaw.web.support.Flash;

/**
 * The training form (dataset, target, task, algorithm, hyperparameters, optional search) and a job's progress page.
 * Hyperparameters arrive as {@code hp.<name>} fields, search values as {@code space.<name>} ("0.01, 0.1, 1").
 */
@Controller
@RequestMapping("/mlops")
class TrainingPagesController {

	static final String FOLLOW = "follow";

	private final ModelTraining training;

	private final Datasets datasets;

	private final CsvTraining csv;

	TrainingPagesController(ModelTraining training, Datasets datasets, CsvTraining csv) {
		this.training = training;
		this.datasets = datasets;
		this.csv = csv;
	}

	@GetMapping("/train")
	String form(@RequestParam(required = false) String dataset, Model model) {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		datasets.list().forEach(d -> columns.put(d.name(), d.columns().stream().map(c -> c.name()).toList()));
		model.addAttribute("datasets", datasets.list());
		model.addAttribute("columns", columns);
		model.addAttribute("algorithms", training.algorithms());
		model.addAttribute("jobs", training.recent(15));
		model.addAttribute("selected", dataset != null ? dataset : columns.containsKey("churn") ? "churn" : "");
		return "mlops/train";
	}

	@PostMapping("/train")
	String submit(@RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile file,
			Principal principal, RedirectAttributes redirect) {
		try {
			TrainingJob job = file != null && !file.isEmpty() ? csv.submit(file, form, principal.getName())
					: training.submit(request(form), principal.getName());
			return "redirect:/mlops/training/" + job.id() + "?" + FOLLOW;
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
			return "redirect:/mlops/train?dataset=" + form.getOrDefault("dataset", "");
		}
	}

	/**
	 * A job's progress; its script opens the run when it sees the job finish. Right after the form ({@code ?follow})
	 * a job that has already finished goes straight to its run, so a fast job does not strand the person here.
	 */
	@GetMapping("/training/{id}")
	String job(@PathVariable String id, @RequestParam(name = FOLLOW, required = false) @Nullable String follow,
			Model model) {
		TrainingJob job = training.find(id).orElseThrow(() -> new NotFound("No training job '" + id + "'."));
		if (follow != null && job.state() == TrainingState.FINISHED && job.runId() != null) {
			return "redirect:/mlops/runs/" + job.runId();
		}
		model.addAttribute("job", job);
		return "mlops/training";
	}

	static TrainingRequest request(Map<String, String> form) {
		Map<String, String> hyperparameters = new LinkedHashMap<>();
		Map<String, List<String>> space = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("hp.") && !value.isBlank()) {
				hyperparameters.put(name.substring(3), value.trim());
			}
			if (name.startsWith("space.") && !value.isBlank()) {
				space.put(name.substring(6), new ArrayList<>(Arrays.stream(value.split(","))
					.map(String::trim)
					.filter(v -> !v.isEmpty())
					.toList()));
			}
		});
		String strategy = form.getOrDefault("search", "none");
		HyperparameterSearch search = strategy.equals("none") ? null
				: new HyperparameterSearch(strategy, number(form, "trials", 10), space);
		String task = form.getOrDefault("task", "classification");
		MlTask kind;
		try {
			kind = MlTask.of(task);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("'task' is classification or regression, not '" + task + "'.");
		}
		String experiment = form.getOrDefault("experiment", "").trim();
		return new TrainingRequest(form.getOrDefault("dataset", "").trim(), form.getOrDefault("target", "").trim(),
				kind, form.getOrDefault("algorithm", "").trim(), hyperparameters, search,
				experiment.isEmpty() ? TrainingRequest.DEFAULT_EXPERIMENT : experiment,
				number(form, "seed", (int) TrainingRequest.DEFAULT_SEED),
				decimal(form, "testFraction", TrainingRequest.DEFAULT_TEST_FRACTION),
				form.getOrDefault("runName", "").isBlank() ? null : form.get("runName").trim());
	}

	private static int number(Map<String, String> form, String name, int fallback) {
		String value = form.getOrDefault(name, "").trim();
		try {
			return value.isEmpty() ? fallback : Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("'" + name + "' must be a whole number, not '" + value + "'.");
		}
	}

	private static double decimal(Map<String, String> form, String name, double fallback) {
		String value = form.getOrDefault(name, "").trim();
		try {
			return value.isEmpty() ? fallback : Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("'" + name + "' must be a number, not '" + value + "'.");
		}
	}

}
