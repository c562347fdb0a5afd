package dev.eaw.web.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.DatabaseOutage;

/**
 * Writes sign-ins, failed sign-ins and sign-outs to the audit trail and counts failures in the {@link SignInThrottle}.
 * Successful HTTP Basic calls are not sign-ins (each API call authenticates anew) and are left out. Failures are
 * written once per burst: the first one, and each time they lock the account or the client, with the count.
 */
@Component
class SignInAudit {

	private final AuditTrail audit;

	private final SignInThrottle throttle;

	SignInAudit(AuditTrail audit, SignInThrottle throttle) {
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		audit.record(event.getAuthentication().getName(), "sign-in", "form");
	}

	@EventListener
	void authenticated(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (DatabaseOutage.isCause(event.getException())) {
			return; // the credentials were not checked, and the trail cannot be written either
		}
		String name = String.valueOf(event.getAuthentication().getName());
		String client = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		failed(name.isBlank() ? null : name, client, event.getException().getMessage());
	}

	/** Counts a failed sign-in (password or token) and audits it if it starts a burst or a lock. */
	void failed(String username, String client, String reason) {
		String actor = username == null ? "anonymous" : username;
		switch (throttle.failed(username, client)) {
			case FIRST -> audit.record(actor, "sign-in.failed", reason + " (from " + client + ")");
			case LOCKED -> audit.record(actor, "sign-in.locked",
					"too many failed sign-ins from " + client + "; further attempts are refused for a while");
			case COUNTED -> {
				// the burst is already in the audit trail
			}
		}
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		audit.record(event.getAuthentication().getName(), "sign-out", "");
	}

}
