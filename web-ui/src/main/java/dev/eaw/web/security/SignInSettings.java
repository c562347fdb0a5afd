package dev.eaw.web.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are throttled (form, HTTP Basic and API tokens alike).
 *
 * @param accountFailures failed sign-ins for one username before it is locked ({@code EAW_SECURITY_ACCOUNT_FAILURES})
 * @param clientFailures failed sign-ins from one client address, whatever the username, before that client is locked
 * ({@code EAW_SECURITY_CLIENT_FAILURES})
 * @param lock the first lock; each further failure after a lock doubles it ({@code EAW_SECURITY_LOCK})
 * @param maxLock the longest lock ({@code EAW_SECURITY_MAX_LOCK})
 * @param window how long failures are remembered after the last one ({@code EAW_SECURITY_FAILURE_WINDOW})
 */
@ConfigurationProperties("eaw.security")
record SignInSettings(@DefaultValue("5") int accountFailures, @DefaultValue("20") int clientFailures,
		@DefaultValue("30s") Duration lock, @DefaultValue("15m") Duration maxLock,
		@DefaultValue("15m") Duration window) {
}
