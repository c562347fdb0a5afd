package dev.eaw.kernel.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
class JdbcUserAccounts implements UserAccounts {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

	private static final String BY_NAME = "SELECT " + Rows.USER_COLUMNS
			+ " FROM kernel.users u WHERE lower(u.username) = lower(:username)";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final PasswordPolicy passwords = new PasswordPolicy();

	JdbcUserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.events = events;
	}

	/** A user and the hash of its password. */
	private record Stored(UserAccount account, String passwordHash) {
	}

	private Optional<Stored> stored(String username, boolean lock) {
		return jdbc.sql(BY_NAME + (lock ? " FOR UPDATE" : ""))
			.param("username", username)
			.query((rs, n) -> new Stored(Rows.user(rs), rs.getString("password_hash")))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserAccount> all() {
		return jdbc.sql("SELECT " + Rows.USER_COLUMNS + " FROM kernel.users u ORDER BY u.username")
			.query((rs, n) -> Rows.user(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserAccount> find(String username) {
		return stored(username, false).map(Stored::account);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserAccount> authenticate(String username, String password) {
		return stored(username, false).filter(user -> user.account().enabled())
			.filter(user -> encoder.matches(password, user.passwordHash()))
			.map(Stored::account);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> passwordHash(String username) {
		return stored(username, false).map(Stored::passwordHash);
	}

	@Override
	public UserAccount create(String username, String password, Role role, String actor) {
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidInput("A username has 2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
		}
		passwords.check(username, password);
		if (stored(username, false).isPresent()) {
			throw new Conflict("The username '" + username + "' is taken.");
		}
		UserAccount user = jdbc
			.sql("INSERT INTO kernel.users AS u (username, password_hash, role, enabled) VALUES (:username, :hash, :role, TRUE)"
					+ " RETURNING " + Rows.USER_COLUMNS)
			.param("username", username)
			.param("hash", encoder.encode(password))
			.param("role", role.name())
			.query((rs, n) -> Rows.user(rs))
			.single();
		audit.record(actor, "user.created", username + " as " + role);
		return user;
	}

	@Override
	public UserAccount changeRole(String username, Role role, String actor) {
		UserAccount user = existing(username);
		if (user.role() == Role.ADMIN && role != Role.ADMIN) {
			keepOneAdmin(user);
		}
		UserAccount changed = update(user, "role = :value", role.name());
		audit.record(actor, "user.role-changed", username + ": " + user.role() + " → " + role);
		events.publishEvent(new UserAccountChanged(user.username()));
		return changed;
	}

	@Override
	public UserAccount setEnabled(String username, boolean enabled, String actor) {
		UserAccount user = existing(username);
		if (!enabled && user.role() == Role.ADMIN) {
			keepOneAdmin(user);
		}
		UserAccount changed = update(user, "enabled = :value", enabled);
		audit.record(actor, enabled ? "user.enabled" : "user.disabled", username);
		events.publishEvent(new UserAccountChanged(user.username()));
		return changed;
	}

	@Override
	public void changePassword(String username, String newPassword, String actor) {
		UserAccount user = existing(username);
		passwords.check(user.username(), newPassword);
		update(user, "password_hash = :value", encoder.encode(newPassword));
		audit.record(actor, "user.password-changed", username);
		events.publishEvent(new UserAccountChanged(user.username()));
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return jdbc.sql("SELECT count(*) FROM kernel.users").query(Long.class).single();
	}

	private UserAccount update(UserAccount user, String assignment, Object value) {
		return jdbc.sql("UPDATE kernel.users u SET " + assignment + " WHERE u.id = :id RETURNING " + Rows.USER_COLUMNS)
			.param("value", value)
			.param("id", user.id())
			.query((rs, n) -> Rows.user(rs))
			.single();
	}

	/** The user, its row locked until the transaction ends. */
	private UserAccount existing(String username) {
		return stored(username, true).map(Stored::account)
			.orElseThrow(() -> new NotFound("There is no user '" + username + "'."));
	}

	private void keepOneAdmin(UserAccount leaving) {
		long others = jdbc
			.sql("SELECT count(*) FROM kernel.users WHERE role = 'ADMIN' AND enabled AND id <> :id")
			.param("id", leaving.id())
			.query(Long.class)
			.single();
		if (others == 0) {
			throw new Conflict("'" + leaving.username() + "' is the last enabled admin; make another admin first.");
		}
	}

}
