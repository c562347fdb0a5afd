package dev.eaw.kernel.jpa;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.ApiToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(schema = "kernel", name = "api_tokens")
class ApiTokenEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "user_id")
	private UserEntity user;

	@Column(nullable = false)
	private String name;

	@Column(name = "token_prefix", nullable = false)
	private String prefix;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String hash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "last_used_at")
	private @Nullable Instant lastUsedAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	protected ApiTokenEntity() {
	}

	ApiTokenEntity(UserEntity user, String name, String prefix, String hash) {
		this.user = user;
		this.name = name;
		this.prefix = prefix;
		this.hash = hash;
	}

	ApiToken toToken() {
		return new ApiToken(id, name, prefix, createdAt, lastUsedAt);
	}

	Long id() {
		return id;
	}

	String name() {
		return name;
	}

	UserEntity user() {
		return user;
	}

	boolean revoked() {
		return revokedAt != null;
	}

	void revoke() {
		this.revokedAt = Instant.now();
	}

	@Nullable Instant lastUsedAt() {
		return lastUsedAt;
	}

	void used(Instant at) {
		this.lastUsedAt = at;
	}

}
