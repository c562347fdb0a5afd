package dev.eaw.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.UserAccountChanged;

/**
 * Username and password sign-in (form and HTTP Basic) with a short memory of recent successes. bcrypt takes about
 * 100 ms a check by design, which would cap an API client using HTTP Basic at a few calls per second per core; a
 * success is therefore remembered for {@link #TTL} under a SHA-256 of the credentials (never the password itself),
 * and forgotten at once when the user's password, role or status changes.
 */
@Component
class CachingPasswordAuthentication implements AuthenticationProvider {

	static final Duration TTL = Duration.ofMinutes(2);

	private static final int MAX_ENTRIES = 10_000;

	private record Remembered(Authentication authentication, long expiresAt) {
	}

	private final DaoAuthenticationProvider passwords;

	private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

	CachingPasswordAuthentication(UserDetailsService users, PasswordEncoder encoder) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String key = key(authentication.getName(), String.valueOf(authentication.getCredentials()));
		long now = System.nanoTime();
		Remembered remembered = recent.get(key);
		if (remembered != null && remembered.expiresAt() - now > 0) {
			return remembered.authentication();
		}
		Authentication result = passwords.authenticate(authentication);
		if (result != null) {
			if (recent.size() >= MAX_ENTRIES) {
				recent.clear();
			}
			recent.put(key, new Remembered(result, now + TTL.toNanos()));
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@EventListener
	void forget(UserAccountChanged changed) {
		recent.entrySet().removeIf(e -> e.getValue().authentication().getName().equalsIgnoreCase(changed.username()));
	}

	private static String key(String username, String password) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(username.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(password.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
