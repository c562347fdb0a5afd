package dev.eaw.kernel.jpa;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.Conflict;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccount;
import dev.eaw.kernel.UserAccountChanged;
import dev.eaw.kernel.UserAccounts;

@Service
@Transactional
class JpaUserAccounts implements UserAccounts {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

	private final Users users;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final PasswordPolicy passwords = new PasswordPolicy();

	JpaUserAccounts(Users users, PasswordEncoder encoder, AuditTrail audit, ApplicationEventPublisher events) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserAccount> all() {
		return users.findAllByOrderByUsernameAsc().stream().map(UserEntity::toAccount).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserAccount> find(String username) {
		return users.findByUsernameIgnoreCase(username).map(UserEntity::toAccount);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserAccount> authenticate(String username, String password) {
		return users.findByUsernameIgnoreCase(username)
			.filter(UserEntity::enabled)
			.filter(user -> encoder.matches(password, user.passwordHash()))
			.map(UserEntity::toAccount);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> passwordHash(String username) {
		return users.findByUsernameIgnoreCase(username).map(UserEntity::passwordHash);
	}

	@Override
	public UserAccount create(String username, String password, Role role, String actor) {
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidInput("A username has 2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
		}
		passwords.check(username, password);
		if (users.findByUsernameIgnoreCase(username).isPresent()) {
			throw new Conflict("The username '" + username + "' is taken.");
		}
		UserEntity user = users.save(new UserEntity(username, encoder.encode(password), role));
		audit.record(actor, "user.created", username + " as " + role);
		return user.toAccount();
	}

	@Override
	public UserAccount changeRole(String username, Role role, String actor) {
		UserEntity user = existing(username);
		if (user.role() == Role.ADMIN && role != Role.ADMIN) {
			keepOneAdmin(user);
		}
		Role before = user.role();
		user.role(role);
		audit.record(actor, "user.role-changed", username + ": " + before + " → " + role);
		events.publishEvent(new UserAccountChanged(user.username()));
		return user.toAccount();
	}

	@Override
	public UserAccount setEnabled(String username, boolean enabled, String actor) {
		UserEntity user = existing(username);
		if (!enabled && user.role() == Role.ADMIN) {
			keepOneAdmin(user);
		}
		user.enabled(enabled);
		audit.record(actor, enabled ? "user.enabled" : "user.disabled", username);
		events.publishEvent(new UserAccountChanged(user.username()));
		return user.toAccount();
	}

	@Override
	public void changePassword(String username, String newPassword, String actor) {
		UserEntity user = existing(username);
		passwords.check(user.username(), newPassword);
		user.passwordHash(encoder.encode(newPassword));
		audit.record(actor, "user.password-changed", username);
		events.publishEvent(new UserAccountChanged(user.username()));
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return users.count();
	}

	private UserEntity existing(String username) {
		return users.findByUsernameIgnoreCase(username)
			.orElseThrow(() -> new NotFound("There is no user '" + username + "'."));
	}

	private void keepOneAdmin(UserEntity leaving) {
		boolean another = users.findAll()
			.stream()
			.anyMatch(u -> u.role() == Role.ADMIN && u.enabled() && !u.id().equals(leaving.id()));
		if (!another) {
			throw new Conflict("'" + leaving.username() + "' is the last enabled admin; make another admin first.");
		}
	}

}
