package dev.eaw.web.mlops;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.NewModelVersion;
import dev.eaw.mlops.RegistrySearch;
import dev.eaw.mlops.RunArtifacts;
import dev.eaw.mlops.RunSearch;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.ViewType;
import dev.eaw.web.support.Flash;

/** A run's page (info, params, metrics with their history, tags, artifacts, evaluation), registering its model, and comparing runs. */
@Controller
@RequestMapping("/mlops")
class RunPagesController {

	static final int MAX_COMPARED = 20;

	private final RunTracking runs;

	private final ModelRegistry registry;

	private final RunArtifacts artifacts;

	private final MetricCharts charts;

	RunPagesController(RunTracking runs, ModelRegistry registry, RunArtifacts artifacts, MetricCharts charts) {
		this.runs = runs;
		this.registry = registry;
		this.artifacts = artifacts;
		this.charts = charts;
	}

	@GetMapping("/runs/{runId}")
	String run(@PathVariable String runId, Model model) {
		RunRow run = RunRow.of(runs.get(runId));
		model.addAttribute("run", run);
		model.addAttribute("children", RunRow.of(runs.search(new RunSearch(List.of(run.info().experimentId()),
				"tags.mlflow.parentRunId = '" + runId + "'", ViewType.ACTIVE_ONLY, 100, List.of(), null)).items()));
		model.addAttribute("charts", charts.json(List.copyOf(run.metrics().keySet()), List.of(run)));
		String root = RunArtifacts.root(run.info());
		List<RunArtifacts.Entry> entries = root == null ? List.of() : artifacts.tree(root);
		model.addAttribute("artifactRoot", root);
		model.addAttribute("artifacts", entries);
		if (root != null) {
			model.addAttribute("confusion", artifacts.confusionMatrix(root, entries).orElse(null));
			model.addAttribute("importance", artifacts.featureImportance(root, entries).orElse(null));
		}
		boolean hasModel = entries.stream().anyMatch(e -> e.dir() && e.path().equals("model"));
		model.addAttribute("hasModel", hasModel);
		if (hasModel) {
			model.addAttribute("modelNames", registry.searchModels(new RegistrySearch(null, 1000, List.of("name"), null))
				.items()
				.stream()
				.map(m -> m.name())
				.toList());
		}
		return "mlops/run";
	}

	@PostMapping("/runs/{runId}/register")
	String register(@PathVariable String runId, @RequestParam String name, Principal principal,
			RedirectAttributes redirect) {
		String runPage = "redirect:/mlops/runs/" + runs.get(runId).info().runId();
		String model = name.strip();
		try {
			if (model.isEmpty()) {
				throw TrackingError.invalid("A registered model needs a name.");
			}
			try {
				registry.getModel(model);
			}
			catch (TrackingError ex) {
				if (ex.code() != TrackingError.Code.RESOURCE_DOES_NOT_EXIST) {
					throw ex;
				}
				registry.createModel(model, List.of(), null, principal.getName());
			}
			ModelVersion version = registry.createVersion(new NewModelVersion(model, "runs:/" + runId + "/model",
					runId, List.of(), null, null, principal.getName()));
			Flash.done(redirect, "mlops.model.registered", model, version.version());
			return "redirect:" + RegistryPagesController.page(model);
		}
		catch (TrackingError ex) {
			Flash.refused(redirect, ex.getMessage());
			return runPage;
		}
	}

	@GetMapping("/compare")
	String compare(@RequestParam(name = "runs", required = false) @Nullable List<String> ids, Model model) {
		Set<String> unique = new LinkedHashSet<>();
		if (ids != null) {
			ids.stream().map(String::strip).filter(id -> !id.isEmpty()).limit(MAX_COMPARED).forEach(unique::add);
		}
		List<RunRow> rows = new ArrayList<>();
		unique.forEach(id -> rows.add(RunRow.of(runs.get(id))));
		List<String> metricKeys = RunRow.metricKeys(rows);
		model.addAttribute("runs", rows);
		model.addAttribute("params", RunComparison.params(rows));
		model.addAttribute("metrics", RunComparison.metrics(rows));
		model.addAttribute("charts", charts.json(metricKeys, rows));
		return "mlops/compare";
	}

}
