package dev.eaw.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed sign-ins per username and per client address and locks either for a while once it has too many: the
 * first lock lasts {@link SignInSettings#lock()}, every failure after it doubles the lock up to
 * {@link SignInSettings#maxLock()}. While a key is locked, attempts are refused before any password or token is
 * checked, so they neither count nor tell a guess from the right answer. Failures are forgotten
 * {@link SignInSettings#window()} after the last one, and an account's on a successful sign-in.
 */
class SignInThrottle {

	/** What one failure did: the first of a burst, a new lock, or neither. Bursts are audited once. */
	enum Outcome {

		FIRST, LOCKED, COUNTED

	}

	private static final class Failures {

		int count;

		Instant last = Instant.MIN;

		Instant lockedUntil = Instant.MIN;

	}

	private final SignInSettings settings;

	private final Clock clock;

	private final Cache<String, Failures> failures;

	SignInThrottle(SignInSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.failures = Caffeine.newBuilder()
			.expireAfterWrite(settings.window().plus(settings.maxLock()))
			.maximumSize(100_000)
			.build();
	}

	/** How long the account or the client is still locked, if it is. */
	Optional<Duration> locked(@Nullable String username, String client) {
		Instant now = clock.instant();
		Instant until = later(lockedUntil(clientKey(client)), username == null ? Instant.MIN : lockedUntil(accountKey(username)));
		return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	/** Counts a failed sign-in against the client and, when known, the username. */
	Outcome failed(@Nullable String username, String client) {
		Outcome byClient = count(clientKey(client), settings.clientFailures());
		Outcome byAccount = username == null || username.isBlank() ? Outcome.COUNTED
				: count(accountKey(username), settings.accountFailures());
		if (byClient == Outcome.LOCKED || byAccount == Outcome.LOCKED) {
			return Outcome.LOCKED;
		}
		return byClient == Outcome.FIRST || byAccount == Outcome.FIRST ? Outcome.FIRST : Outcome.COUNTED;
	}

	/** A successful sign-in clears the account's failures (not the client's: one good account must not reset a spray). */
	void succeeded(String username) {
		failures.invalidate(accountKey(username));
	}

	private Outcome count(String key, int threshold) {
		Instant now = clock.instant();
		Outcome[] outcome = new Outcome[1];
		failures.asMap().compute(key, (k, existing) -> {
			Failures f = existing;
			if (f == null || (f.lockedUntil.isBefore(now) && f.last.plus(settings.window()).isBefore(now))) {
				f = new Failures();
			}
			f.count++;
			f.last = now;
			if (f.count >= threshold) {
				long doublings = Math.min(f.count - threshold, 20);
				Duration lock = settings.lock().multipliedBy(1L << doublings);
				if (lock.compareTo(settings.maxLock()) > 0) {
					lock = settings.maxLock();
				}
				f.lockedUntil = now.plus(lock);
				outcome[0] = Outcome.LOCKED;
			}
			else {
				outcome[0] = f.count == 1 ? Outcome.FIRST : Outcome.COUNTED;
			}
			return f;
		});
		return outcome[0];
	}

	private Instant lockedUntil(String key) {
		Failures f = failures.getIfPresent(key);
		return f == null ? Instant.MIN : f.lockedUntil;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static String accountKey(String username) {
		return "account:" + username.strip().toLowerCase(Locale.ROOT);
	}

	private static String clientKey(String client) {
		return "client:" + client;
	}

}
