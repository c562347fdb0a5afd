package dev.eaw.kernel.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.kernel.ApiToken;
import dev.eaw.kernel.ApiTokens;
import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.IssuedToken;
import dev.eaw.kernel.NotFound;
import dev.eaw.kernel.UserAccount;
import dev.eaw.kernel.UserAccounts;

@Service
@Transactional
class JdbcApiTokens implements ApiTokens {

	static final String PREFIX = "eaw_";

	/** How stale a token's "last used" time may get before a call writes it again. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts users;

	private final AuditTrail audit;

	JdbcApiTokens(JdbcClient jdbc, UserAccounts users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
	}

	@Override
	public IssuedToken issue(String username, String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidInput("A token needs a name of 1 to 100 characters.");
		}
		UserAccount user = users.find(username).orElseThrow(() -> new NotFound("There is no user '" + username + "'."));
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = jdbc
			.sql("INSERT INTO kernel.api_tokens (user_id, name, token_prefix, token_hash, created_at)"
					+ " VALUES (:user, :name, :prefix, :hash, clock_timestamp()) RETURNING id")
			.param("user", user.id())
			.param("name", trimmed)
			.param("prefix", secret.substring(0, 10))
			.param("hash", hash(secret))
			.query(Long.class)
			.single();
		audit.record(user.username(), "token.created", trimmed);
		return new IssuedToken(id, trimmed, secret);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApiToken> list(String username) {
		return jdbc
			.sql("SELECT t.id, t.name, t.token_prefix, t.created_at, t.last_used_at FROM kernel.api_tokens t"
					+ " JOIN kernel.users u ON u.id = t.user_id"
					+ " WHERE lower(u.username) = lower(:username) AND t.revoked_at IS NULL ORDER BY t.created_at DESC, t.id DESC")
			.param("username", username)
			.query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
					Rows.required(rs, "created_at"), Rows.instant(rs, "last_used_at")))
			.list();
	}

	@Override
	public void revoke(String username, long tokenId) {
		record Revoked(String name, String owner) {
		}
		Revoked token = jdbc
			.sql("UPDATE kernel.api_tokens t SET revoked_at = clock_timestamp() FROM kernel.users u"
					+ " WHERE u.id = t.user_id AND t.id = :id AND t.revoked_at IS NULL AND lower(u.username) = lower(:username)"
					+ " RETURNING t.name, u.username")
			.param("id", tokenId)
			.param("username", username)
			.query((rs, n) -> new Revoked(rs.getString("name"), rs.getString("username")))
			.optional()
			.orElseThrow(() -> new NotFound("You have no token with id " + tokenId + "."));
		audit.record(token.owner(), "token.revoked", token.name());
	}

	@Override
	public Optional<UserAccount> authenticate(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		record Found(long id, @Nullable Instant lastUsed, UserAccount user) {
		}
		return jdbc
			.sql("SELECT t.id AS token_id, t.last_used_at, " + Rows.USER_COLUMNS + " FROM kernel.api_tokens t"
					+ " JOIN kernel.users u ON u.id = t.user_id"
					+ " WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.enabled")
			.param("hash", hash(token))
			.query((rs, n) -> new Found(rs.getLong("token_id"), Rows.instant(rs, "last_used_at"), Rows.user(rs)))
			.optional()
			.map(found -> {
				Instant now = Instant.now();
				Instant last = found.lastUsed();
				if (last == null || last.plus(LAST_USED_RESOLUTION).isBefore(now)) {
					jdbc.sql("UPDATE kernel.api_tokens SET last_used_at = :now WHERE id = :id")
						.param("now", Rows.param(now))
						.param("id", found.id())
						.update();
				}
				return found.user();
			});
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
