package dev.eaw.kernel.jpa;

import java.time.Instant;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "kernel", name = "users")
class UserEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	private boolean enabled = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	protected UserEntity() {
	}

	UserEntity(String username, String passwordHash, Role role) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
	}

	UserAccount toAccount() {
		return new UserAccount(id, username, role, enabled, createdAt);
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String passwordHash() {
		return passwordHash;
	}

	void passwordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	Role role() {
		return role;
	}

	void role(Role role) {
		this.role = role;
	}

	boolean enabled() {
		return enabled;
	}

	void enabled(boolean enabled) {
		this.enabled = enabled;
	}

}
