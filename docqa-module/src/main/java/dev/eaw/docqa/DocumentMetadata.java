package dev.eaw.docqa;

import java.util.Map;
import java.util.regex.Pattern;

import dev.eaw.kernel.InvalidInput;

/**
 * The rules for a document's metadata, key/value pairs given at upload or edited later and used in filters: at most
 * {@value #MAX_KEYS} keys, each of 1 to {@value #MAX_KEY} characters {@code [A-Za-z0-9_.-]}, each value at most
 * {@value #MAX_VALUE} characters.
 */
public final class DocumentMetadata {

	public static final int MAX_KEYS = 20;

	public static final int MAX_KEY = 64;

	public static final int MAX_VALUE = 256;

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_KEY + "}");

	private DocumentMetadata() {
	}

	/** The metadata if it keeps the rules, else {@link InvalidInput} naming the key at fault. */
	public static Map<String, String> check(Map<String, String> metadata) {
		if (metadata.size() > MAX_KEYS) {
			throw new InvalidInput("metadata: at most " + MAX_KEYS + " keys, not " + metadata.size() + ".");
		}
		metadata.forEach((key, value) -> {
			if (!KEY.matcher(key).matches()) {
				throw new InvalidInput("metadata: the key '" + abbreviated(key) + "' must be 1 to " + MAX_KEY
						+ " characters of letters, digits, '_', '.' and '-'.");
			}
			if (value == null || value.length() > MAX_VALUE) {
				throw new InvalidInput("metadata." + key + ": a value of at most " + MAX_VALUE + " characters.");
			}
		});
		return metadata;
	}

	private static String abbreviated(String key) {
		return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY) + "…";
	}

}
