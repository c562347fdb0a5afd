package dev.eaw.kernel;

import java.util.List;
import java.util.Optional;

/** Personal API tokens, sent as {@code Authorization: Bearer <token>}. Only a hash of each secret is stored. */
public interface ApiTokens {

	IssuedToken issue(String username, String name);

	List<ApiToken> list(String username);

	/** Revokes one of the user's own tokens; {@link NotFound} when the user has no such token. */
	void revoke(String username, long tokenId);

	/** The enabled user a token belongs to, or empty for an unknown, revoked or disabled one. */
	Optional<UserAccount> authenticate(String token);

}
