package dev.eaw.kernel;

import java.util.List;
import java.util.Optional;

/** Managing the people who sign in. Every change is written to the {@link AuditTrail}. */
public interface UserAccounts {

	List<UserAccount> all();

	Optional<UserAccount> find(String username);

	/** Checks a username and password; empty when either is wrong or the user is disabled. */
	Optional<UserAccount> authenticate(String username, String password);

	/** The stored password hash, for Spring Security's own checks. */
	Optional<String> passwordHash(String username);

	UserAccount create(String username, String password, Role role, String actor);

	UserAccount changeRole(String username, Role role, String actor);

	UserAccount setEnabled(String username, boolean enabled, String actor);

	void changePassword(String username, String newPassword, String actor);

	long count();

}
