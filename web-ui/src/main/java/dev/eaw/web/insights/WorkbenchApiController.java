package dev.eaw.web.insights;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.insights.HistoryEntry;
import dev.eaw.insights.SavedQuery;
import dev.eaw.insights.Workbench;
import dev.eaw.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/insights")
@Tag(name = "Insights workbench", description = "Query history, saved queries and the dashboard")
class WorkbenchApiController {

	private final Workbench workbench;

	WorkbenchApiController(Workbench workbench) {
		this.workbench = workbench;
	}

	record NewSavedQuery(@Nullable String name, @Nullable String sql, @Nullable String chart, @Nullable String xColumn,
			@Nullable List<String> yColumns, boolean pinned) {
	}

	@GetMapping("/history")
	@Operation(summary = "Your recent queries, newest first")
	List<HistoryEntry> history(Principal principal, @RequestParam(defaultValue = "50") int limit) {
		return workbench.history(principal.getName(), limit);
	}

	@GetMapping("/saved")
	@Operation(summary = "Saved queries")
	List<SavedQuery> saved() {
		return workbench.saved();
	}

	@GetMapping("/dashboard")
	@Operation(summary = "The dashboard: pinned saved queries in order")
	List<SavedQuery> dashboard() {
		return workbench.dashboard();
	}

	@PostMapping("/saved")
	@Operation(summary = "Save a query (replaces one of the same name)")
	ResponseEntity<SavedQuery> save(@RequestBody NewSavedQuery request, Principal principal) {
		if (request.name() == null || request.sql() == null) {
			throw new InvalidInput("A saved query needs a name and sql.");
		}
		SavedQuery saved = workbench.save(request.name(), request.sql(),
				request.chart() == null ? "table" : request.chart(), request.xColumn(),
				request.yColumns() == null ? List.of() : request.yColumns(), request.pinned(), principal.getName());
		return ResponseEntity.created(URI.create("/api/insights/saved/" + saved.id())).body(saved);
	}

	@DeleteMapping("/saved/{id}")
	@Operation(summary = "Delete a saved query")
	ResponseEntity<Void> delete(@PathVariable long id, Principal principal) {
		workbench.delete(id, principal.getName());
		return ResponseEntity.noContent().build();
	}

}
