package dev.eaw.web.account;

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

import dev.eaw.kernel.ApiTokens;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.IssuedToken;
import dev.eaw.kernel.NotFound;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.support.Flash;

/** The profile page: your role, your API tokens (created and revoked here) and your password. */
@Controller
@RequestMapping("/account")
class AccountController {

	private final UserAccounts accounts;

	private final ApiTokens tokens;

	AccountController(UserAccounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@GetMapping
	String account(Principal principal, Model model) {
		model.addAttribute("account", accounts.find(principal.getName())
			.orElseThrow(() -> new NotFound("Your account no longer exists.")));
		model.addAttribute("tokens", tokens.list(principal.getName()));
		return "account/account";
	}

	@PostMapping("/tokens")
	String createToken(Principal principal, @RequestParam String name, RedirectAttributes redirect) {
		try {
			IssuedToken issued = tokens.issue(principal.getName(), name);
			redirect.addFlashAttribute("issued", issued);
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/account";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
		try {
			tokens.revoke(principal.getName(), id);
			Flash.done(redirect, "account.token.revoked");
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/account";
	}

	@PostMapping("/password")
	String changePassword(Principal principal, @RequestParam String current, @RequestParam String password,
			@RequestParam String confirm, RedirectAttributes redirect) {
		try {
			if (accounts.authenticate(principal.getName(), current).isEmpty()) {
				throw new InvalidInput("The current password is wrong.");
			}
			if (!password.equals(confirm)) {
				throw new InvalidInput("The new password and its confirmation differ.");
			}
			accounts.changePassword(principal.getName(), password, principal.getName());
			Flash.done(redirect, "account.password.changed");
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/account";
	}

}
