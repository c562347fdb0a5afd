package dev.eaw.web.home;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.eaw.kernel.ModuleOverview;

/** The home dashboard: one card per module with its live counts and health. */
@Controller
class HomeController {

	private final List<ModuleOverview> overviews;

	HomeController(List<ModuleOverview> overviews) {
		this.overviews = overviews;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("modules", ModuleStatus.of(overviews));
		return "home";
	}

}
