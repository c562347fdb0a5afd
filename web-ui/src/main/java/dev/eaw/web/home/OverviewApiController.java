package dev.eaw.web.home;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.kernel.ModuleOverview;
import dev.eaw.kernel.NotFound;
import dev.eaw.kernel.UserAccount;
import dev.eaw.kernel.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Platform", description = "Who you are and what the modules hold")
class OverviewApiController {

	private final List<ModuleOverview> overviews;

	private final UserAccounts accounts;

	OverviewApiController(List<ModuleOverview> overviews, UserAccounts accounts) {
		this.overviews = overviews;
		this.accounts = accounts;
	}

	@GetMapping("/overview")
	@Operation(summary = "Live counts and health of every module, as on the home dashboard")
	List<ModuleStatus> overview() {
		return ModuleStatus.of(overviews);
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user and their role")
	UserAccount me(Principal principal) {
		return accounts.find(principal.getName()).orElseThrow(() -> new NotFound("Your account no longer exists."));
	}

}
