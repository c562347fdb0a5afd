package dev.eaw.web.insights;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.eaw.insights.Datasets;
import dev.eaw.insights.SavedQuery;
import dev.eaw.insights.Workbench;
import dev.eaw.web.support.Flash;

/** The SQL workbench page, saved queries and the dashboard of pinned ones. */
@Controller
@RequestMapping("/insights")
class WorkbenchPagesController {

	static final String DEFAULT_SQL = """
			SELECT product, AVG(SNOWFLAKE.CORTEX.SENTIMENT(review)) AS sentiment, COUNT(*) AS reviews
			FROM reviews
			GROUP BY product
			ORDER BY sentiment""";

	private final Workbench workbench;

	private final Datasets datasets;

	WorkbenchPagesController(Workbench workbench, Datasets datasets) {
		this.workbench = workbench;
		this.datasets = datasets;
	}

	@GetMapping("/sql")
	String sql(@RequestParam(required = false) @Nullable Long saved, @RequestParam(required = false) @Nullable String q,
			Principal principal, Model model) {
		SavedQuery query = saved == null ? null : workbench.find(saved);
		model.addAttribute("savedQuery", query);
		model.addAttribute("sql", query != null ? query.sql() : q != null ? q : DEFAULT_SQL);
		model.addAttribute("history", workbench.history(principal.getName(), 25));
		model.addAttribute("saved", workbench.saved());
		model.addAttribute("datasets", datasets.list());
		model.addAttribute("functions", FunctionReference.ALL);
		return "insights/sql";
	}

	@PostMapping("/saved")
	String save(@RequestParam String name, @RequestParam String sql, @RequestParam(defaultValue = "table") String chart,
			@RequestParam(defaultValue = "") String xColumn, @RequestParam(defaultValue = "") String yColumns,
			@RequestParam(defaultValue = "false") boolean pinned, Principal principal, RedirectAttributes redirect) {
		try {
			List<String> y = Arrays.stream(yColumns.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
			SavedQuery query = workbench.save(name, sql, chart, xColumn, y, pinned, principal.getName());
			Flash.done(redirect, "insights.saved.done", query.name());
			return "redirect:/insights/sql?saved=" + query.id();
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
			redirect.addAttribute("q", sql);
			return "redirect:/insights/sql";
		}
	}

	@PostMapping("/saved/{id}/pin")
	String pin(@PathVariable long id, @RequestParam boolean pinned, Principal principal, RedirectAttributes redirect) {
		workbench.pin(id, pinned, principal.getName());
		Flash.done(redirect, pinned ? "insights.saved.pinned" : "insights.saved.unpinned", workbench.find(id).name());
		return "redirect:/insights/dashboard";
	}

	@PostMapping("/saved/{id}/delete")
	String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		String name = workbench.find(id).name();
		workbench.delete(id, principal.getName());
		Flash.done(redirect, "insights.saved.deleted", name);
		return "redirect:/insights/sql";
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		model.addAttribute("tiles", workbench.dashboard());
		model.addAttribute("saved", workbench.saved());
		return "insights/dashboard";
	}

}
