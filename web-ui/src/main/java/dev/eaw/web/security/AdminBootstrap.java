package dev.eaw.web.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;

/**
 * On a first start with no users, creates the {@code admin} account: with {@code EAW_ADMIN_PASSWORD} when set,
 * otherwise with a random password written once to the log. Once any user exists it does nothing, so there is no
 * default password anywhere and a restart never resets one.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	static final String ADMIN = "admin";

	private final UserAccounts accounts;

	private final AdminSettings settings;

	AdminBootstrap(UserAccounts accounts, AdminSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		bootstrap();
	}

	/** Creates the first admin if there are no users; true when it did. */
	synchronized boolean bootstrap() {
		if (accounts.count() > 0) {
			return false;
		}
		String configured = settings.password();
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? randomPassword() : configured;
		accounts.create(ADMIN, password, Role.ADMIN, "system");
		if (generated) {
			log.warn("""

					First start: created the user 'admin' with the generated password

					    {}

					It is shown only this once. Sign in and change it on the Account page, or start with \
					EAW_ADMIN_PASSWORD set on a fresh database to choose it yourself.
					""", password);
		}
		else {
			log.info("First start: created the user 'admin' with the password from EAW_ADMIN_PASSWORD");
		}
		return true;
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
