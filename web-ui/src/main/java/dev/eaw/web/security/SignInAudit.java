package dev.eaw.web.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.AuditTrail;
import dev.eaw.web.support.DatabaseOutage;

/**
 * Writes sign-ins, failed sign-ins and sign-outs to the audit trail. Successful HTTP Basic calls are not sign-ins
 * (each API call authenticates anew) and are left out; their failures are recorded.
 */
@Component
class SignInAudit {

	private final AuditTrail audit;

	SignInAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		audit.record(event.getAuthentication().getName(), "sign-in", "form");
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (DatabaseOutage.isCause(event.getException())) {
			return; // the credentials were not checked, and the trail cannot be written either
		}
		String name = String.valueOf(event.getAuthentication().getName());
		audit.record(name.isBlank() ? "anonymous" : name, "sign-in.failed", event.getException().getMessage());
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		audit.record(event.getAuthentication().getName(), "sign-out", "");
	}

}
