package dev.eaw.web.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.eaw.mlops.Experiment;
import dev.eaw.mlops.ExperimentSearch;
import dev.eaw.mlops.ExperimentTracking;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.Run;
import dev.eaw.mlops.RunSearch;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.ViewType;
import dev.eaw.web.support.Flash;

/**
 * The MLOps start page (experiments, create one) and an experiment's runs table with MLflow's filter syntax, order
 * by a column, child runs under their parents.
 */
@Controller
@RequestMapping("/mlops")
class ExperimentPagesController {

	static final int PAGE_SIZE = 50;

	private final ExperimentTracking experiments;

	private final RunTracking runs;

	private final RunParents parents;

	ExperimentPagesController(ExperimentTracking experiments, RunTracking runs) {
		this.experiments = experiments;
		this.runs = runs;
		this.parents = new RunParents(runs);
	}

	@GetMapping
	String experiments(@RequestParam(required = false) @Nullable String page, Model model) {
		Page<Experiment> found = experiments.search(new ExperimentSearch(null, ViewType.ACTIVE_ONLY, PAGE_SIZE,
				List.of("last_update_time DESC"), blankToNull(page)));
		model.addAttribute("experiments", found.items());
		model.addAttribute("nextPage", found.nextPageToken());
		model.addAttribute("paged", page != null && !page.isBlank());
		return "mlops/experiments";
	}

	@PostMapping("/experiments")
	String create(@RequestParam String name, RedirectAttributes redirect) {
		try {
			String id = experiments.create(name.strip(), null, List.of());
			Flash.done(redirect, "mlops.experiment.added", name.strip());
			return "redirect:/mlops/experiments/" + id;
		}
		catch (TrackingError ex) {
			Flash.refused(redirect, ex.getMessage());
			return "redirect:/mlops";
		}
	}

	/**
	 * An experiment's runs: a page of the run search (filter and order as MLflow's syntax has them), child runs nested
	 * under their parents, the chosen metric, param and tag columns and a filter example that finds runs shown.
	 */
	@GetMapping("/experiments/{id}")
	String experiment(@PathVariable String id, @RequestParam(required = false) @Nullable String filter,
			@RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String order, Model model) {
		model.addAttribute("experiment", experiments.get(id));
		String query = blankToNull(filter);
		RunSort sort = RunSort.of(order);
		model.addAttribute("filter", query == null ? "" : query);
		model.addAttribute("sort", sort);
		List<RunRow> rows = List.of();
		String next = null;
		try {
			Page<Run> found = runs.search(new RunSearch(List.of(id), query, ViewType.ACTIVE_ONLY, PAGE_SIZE,
					sort.orderBy(), blankToNull(page)));
			rows = RunRow.of(found.items());
			next = found.nextPageToken();
		}
		catch (TrackingError ex) {
			if (ex.code() != TrackingError.Code.INVALID_PARAMETER_VALUE) {
				throw ex;
			}
			model.addAttribute("filterError", ex.getMessage());
		}
		if (query == null) {
			rows = parents.with(id, rows);
		}
		List<RunColumns.Column> columns = RunColumns.of(rows);
		model.addAttribute("runs", rows);
		model.addAttribute("lines", RunTree.nest(rows));
		model.addAttribute("columns", columns);
		model.addAttribute("groups", RunColumns.groups(columns));
		model.addAttribute("shownColumns", columns.stream().filter(RunColumns.Column::shown).count());
		model.addAttribute("filterExample", FilterExample.of(rows, columns));
		model.addAttribute("nextPage", next);
		model.addAttribute("paged", page != null && !page.isBlank());
		return "mlops/experiment";
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
