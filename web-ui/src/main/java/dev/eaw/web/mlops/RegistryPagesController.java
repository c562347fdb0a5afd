package dev.eaw.web.mlops;

import java.security.Principal;
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
import org.springframework.web.util.UriComponentsBuilder;

import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelStage;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.Page;
import dev.eaw.mlops.RegisteredModel;
import dev.eaw.mlops.RegistrySearch;
import dev.eaw.mlops.TrackingError;
import dev.eaw.web.support.Flash;

/** The model registry's pages: registered models, and a model with its versions, aliases and stages. */
@Controller
@RequestMapping("/mlops/models")
class RegistryPagesController {

	private static final int MAX_VERSIONS = 1000;

	private final ModelRegistry registry;

	RegistryPagesController(ModelRegistry registry) {
		this.registry = registry;
	}

	/** The address of a model's page, its name encoded. */
	static String page(String name) {
		return UriComponentsBuilder.fromPath("/mlops/models/{name}").buildAndExpand(name).encode().toUriString();
	}

	@GetMapping
	String models(@RequestParam(required = false) @Nullable String page, Model model) {
		Page<RegisteredModel> found = registry.searchModels(new RegistrySearch(null, ExperimentPagesController.PAGE_SIZE,
				List.of("last_updated_timestamp DESC"), ExperimentPagesController.blankToNull(page)));
		model.addAttribute("models", found.items().stream().map(ModelRow::of).toList());
		model.addAttribute("nextPage", found.nextPageToken());
		model.addAttribute("paged", page != null && !page.isBlank());
		return "mlops/models";
	}

	@PostMapping
	String create(@RequestParam String name, @RequestParam(defaultValue = "") String description, Principal principal,
			RedirectAttributes redirect) {
		try {
			RegisteredModel created = registry.createModel(name.strip(), List.of(),
					description.isBlank() ? null : description.strip(), principal.getName());
			Flash.done(redirect, "mlops.model.added", created.name());
			return "redirect:" + page(created.name());
		}
		catch (TrackingError ex) {
			Flash.refused(redirect, ex.getMessage());
			return "redirect:/mlops/models";
		}
	}

	@GetMapping("/{name}")
	String model(@PathVariable String name, Model model) {
		RegisteredModel found = registry.getModel(name);
		String quote = name.contains("'") ? "\"" : "'";
		List<ModelVersion> versions = registry
			.searchVersions(new RegistrySearch("name = " + quote + name + quote, MAX_VERSIONS,
					List.of("version_number DESC"), null))
			.items();
		model.addAttribute("registered", ModelRow.of(found));
		model.addAttribute("versions", versions);
		model.addAttribute("stages", List.of(ModelStage.values()).stream().map(ModelStage::label).toList());
		return "mlops/model";
	}

	@PostMapping("/{name}/alias")
	String setAlias(@PathVariable String name, @RequestParam String alias, @RequestParam String version,
			RedirectAttributes redirect) {
		return change(name, redirect, () -> {
			registry.setAlias(name, alias.strip(), version);
			Flash.done(redirect, "mlops.alias.set", alias.strip(), version);
		});
	}

	@PostMapping("/{name}/alias/delete")
	String deleteAlias(@PathVariable String name, @RequestParam String alias, RedirectAttributes redirect) {
		return change(name, redirect, () -> {
			registry.deleteAlias(name, alias);
			Flash.done(redirect, "mlops.alias.deleted", alias);
		});
	}

	@PostMapping("/{name}/stage")
	String transition(@PathVariable String name, @RequestParam String version, @RequestParam String stage,
			@RequestParam(defaultValue = "false") boolean archiveExisting, RedirectAttributes redirect) {
		return change(name, redirect, () -> {
			ModelVersion moved = registry.transitionStage(name, version, stage, archiveExisting);
			Flash.done(redirect, "mlops.stage.changed", moved.version(), moved.currentStage());
		});
	}

	/** Runs a change of an existing model and goes back to its page, with MLflow's message when it was refused. */
	private String change(String name, RedirectAttributes redirect, Runnable change) {
		registry.getModel(name);
		try {
			change.run();
		}
		catch (TrackingError ex) {
			Flash.refused(redirect, ex.getMessage());
		}
		return "redirect:" + page(name);
	}

}
