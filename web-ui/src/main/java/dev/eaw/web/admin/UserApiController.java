package dev.eaw.web.admin;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.kernel.AuditEntry;
import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccount;
import dev.eaw.kernel.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Users, roles and the audit trail (ADMIN)")
class UserApiController {

	private final UserAccounts accounts;

	private final AuditTrail audit;

	UserApiController(UserAccounts accounts, AuditTrail audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	record NewUser(@Nullable String username, @Nullable String password, @Nullable Role role) {
	}

	record UserChange(@Nullable Role role, @Nullable Boolean enabled, @Nullable String password) {
	}

	@GetMapping("/users")
	@Operation(summary = "Every user with role and status")
	List<UserAccount> users() {
		return accounts.all();
	}

	@PostMapping("/users")
	@Operation(summary = "Add a user")
	ResponseEntity<UserAccount> create(Principal principal, @RequestBody NewUser request) {
		if (request.username() == null || request.password() == null || request.role() == null) {
			throw new InvalidInput("A new user needs username, password and role (VIEWER, ANALYST or ADMIN).");
		}
		UserAccount created = accounts.create(request.username().strip(), request.password(), request.role(),
				principal.getName());
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
	}

	@GetMapping("/users/{username}")
	@Operation(summary = "One user")
	UserAccount user(@PathVariable String username) {
		return accounts.find(username).orElseThrow(() -> new NotFound("There is no user '" + username + "'."));
	}

	@PatchMapping("/users/{username}")
	@Operation(summary = "Change a user's role, enable/disable them or set a new password")
	UserAccount change(Principal principal, @PathVariable String username, @RequestBody UserChange change) {
		UserAccount result = user(username);
		if (change.role() != null) {
			result = accounts.changeRole(username, change.role(), principal.getName());
		}
		if (change.enabled() != null) {
			result = accounts.setEnabled(username, change.enabled(), principal.getName());
		}
		if (change.password() != null) {
			accounts.changePassword(username, change.password(), principal.getName());
		}
		return result;
	}

	@GetMapping("/audit")
	@Operation(summary = "The audit trail, newest first")
	List<AuditEntry> audit(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return audit.page(page, size);
	}

}
