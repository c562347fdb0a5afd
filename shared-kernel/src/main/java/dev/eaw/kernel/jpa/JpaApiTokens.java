package dev.eaw.kernel.jpa;

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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.kernel.ApiToken;
import dev.eaw.kernel.ApiTokens;
import dev.eaw.kernel.AuditTrail;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.IssuedToken;
import dev.eaw.kernel.NotFound;
import dev.eaw.kernel.UserAccount;

@Service
@Transactional
class JpaApiTokens implements ApiTokens {

	static final String PREFIX = "eaw_";

	/** How stale a token's "last used" time may get before a call writes it again. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenEntities tokens;

	private final Users users;

	private final AuditTrail audit;

	JpaApiTokens(ApiTokenEntities tokens, Users users, AuditTrail audit) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
	}

	@Override
	public IssuedToken issue(String username, String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidInput("A token needs a name of 1 to 100 characters.");
		}
		UserEntity user = users.findByUsernameIgnoreCase(username)
			.orElseThrow(() -> new NotFound("There is no user '" + username + "'."));
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiTokenEntity saved = tokens.save(new ApiTokenEntity(user, trimmed, secret.substring(0, 10), hash(secret)));
		audit.record(user.username(), "token.created", trimmed);
		return new IssuedToken(saved.id(), trimmed, secret);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApiToken> list(String username) {
		return users.findByUsernameIgnoreCase(username)
			.map(user -> tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(user.id()))
			.orElse(List.of())
			.stream()
			.map(ApiTokenEntity::toToken)
			.toList();
	}

	@Override
	public void revoke(String username, long tokenId) {
		ApiTokenEntity token = tokens.findById(tokenId)
			.filter(t -> !t.revoked() && t.user().username().equalsIgnoreCase(username))
			.orElseThrow(() -> new NotFound("You have no token with id " + tokenId + "."));
		token.revoke();
		audit.record(token.user().username(), "token.revoked", token.name());
	}

	@Override
	public Optional<UserAccount> authenticate(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return tokens.findByHash(hash(token))
			.filter(t -> !t.revoked() && t.user().enabled())
			.map(t -> {
				Instant now = Instant.now();
				Instant last = t.lastUsedAt();
				if (last == null || last.plus(LAST_USED_RESOLUTION).isBefore(now)) {
					t.used(now);
				}
				return t.user().toAccount();
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
