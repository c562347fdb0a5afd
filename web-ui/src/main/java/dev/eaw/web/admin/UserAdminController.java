package dev.eaw.web.admin;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.support.Flash;

/** Admin pages: users and their roles, and the audit trail. */
@Controller
@RequestMapping("/admin")
class UserAdminController {

	static final int AUDIT_PAGE_SIZE = 50;

	private final UserAccounts accounts;

	private final AuditTrail audit;

	UserAdminController(UserAccounts accounts, AuditTrail audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/users")
	String users(Model model) {
		model.addAttribute("users", accounts.all());
		model.addAttribute("roles", Role.values());
		return "admin/users";
	}

	@PostMapping("/users")
	String create(Principal principal, @RequestParam String username, @RequestParam String password,
			@RequestParam Role role, RedirectAttributes redirect) {
		try {
			accounts.create(username.strip(), password, role, principal.getName());
			Flash.done(redirect, "admin.users.created", username.strip());
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/users/{username}/role")
	String role(Principal principal, @PathVariable String username, @RequestParam Role role,
			RedirectAttributes redirect) {
		try {
			accounts.changeRole(username, role, principal.getName());
			Flash.done(redirect, "admin.users.role-changed", username, role);
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/users/{username}/enabled")
	String enabled(Principal principal, @PathVariable String username, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		try {
			accounts.setEnabled(username, enabled, principal.getName());
			Flash.done(redirect, enabled ? "admin.users.enabled" : "admin.users.disabled", username);
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/users/{username}/password")
	String password(Principal principal, @PathVariable String username, @RequestParam String password,
			RedirectAttributes redirect) {
		try {
			accounts.changePassword(username, password, principal.getName());
			Flash.done(redirect, "admin.users.password-set", username);
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/admin/users";
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		long total = audit.count();
		int pages = (int) Math.max(1, (total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), pages - 1);
		model.addAttribute("entries", audit.page(current, AUDIT_PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", total);
		return "admin/audit";
	}

}
