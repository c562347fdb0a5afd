package dev.eaw.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;

import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccount;
import dev.eaw.kernel.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@AppTest
class AdminBootstrapTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationRunner adminBootstrap;

	@Test
	void theFirstStartCreatedOneAdminWithTheConfiguredPassword() {
		assertThat(accounts.find("admin")).map(UserAccount::role).hasValue(Role.ADMIN);
		assertThat(accounts.authenticate("admin", AppTest.ADMIN_PASSWORD)).isPresent();
		assertThat(audit.page(0, 10_000)).filteredOn(e -> e.action().equals("user.created") && e.actor().equals("system"))
			.hasSize(1);
	}

	@Test
	void runningTheBootstrapAgainChangesNothing() throws Exception {
		long users = accounts.count();
		adminBootstrap.run(new DefaultApplicationArguments());
		adminBootstrap.run(new DefaultApplicationArguments());
		assertThat(accounts.count()).isEqualTo(users);
		assertThat(accounts.all()).filteredOn(u -> u.username().equals("admin")).hasSize(1);
		assertThat(accounts.authenticate("admin", AppTest.ADMIN_PASSWORD)).isPresent();
		assertThat(audit.page(0, 10_000)).filteredOn(e -> e.action().equals("user.created") && e.actor().equals("system"))
			.hasSize(1);
	}

}
