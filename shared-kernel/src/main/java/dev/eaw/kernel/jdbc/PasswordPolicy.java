package dev.eaw.kernel.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;

import dev.eaw.kernel.InvalidInput;

/**
 * What a password must be: at least {@link #MIN_LENGTH} characters not counting spaces, at most 72 bytes (bcrypt's limit), not one of the 30,000 most
 * common passwords (zxcvbn's list, drawn from leaked password sets: Xato's 10 million passwords), compared without
 * case, not the username, and not easy to guess by zxcvbn's estimate (score 2 or more of 4: a repeated character, a
 * keyboard walk or a dictionary word with a year is refused).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	/** bcrypt reads 72 bytes and Spring's encoder refuses more. */
	static final int MAX_BYTES = 72;

	private static final int MIN_SCORE = 2;

	private final Map<String, Integer> common;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	PasswordPolicy() {
		try {
			this.common = StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("zxcvbn's password list is part of its jar", ex);
		}
	}

	void check(String username, String password) {
		long counted = password.codePoints().filter(c -> !Character.isWhitespace(c)).count();
		if (counted < MIN_LENGTH) {
			throw new InvalidInput("A password has at least " + MIN_LENGTH + " characters, not counting spaces.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidInput("A password has at most " + MAX_BYTES + " bytes (about 72 letters).");
		}
		if (password.indexOf('\0') >= 0) {
			throw new InvalidInput("A password cannot contain a NUL character.");
		}
		String lower = password.strip().toLowerCase(Locale.ROOT);
		if (common.containsKey(lower)) {
			throw new InvalidInput("This password is one of the most common passwords; choose another.");
		}
		if (lower.equals(username.toLowerCase(Locale.ROOT))) {
			throw new InvalidInput("A password must not be the username.");
		}
		if (zxcvbn.measure(password).getScore() < MIN_SCORE) {
			throw new InvalidInput(
					"This password is too easy to guess (repeated characters, a keyboard pattern or a common word); choose a longer or less regular one.");
		}
	}

}
