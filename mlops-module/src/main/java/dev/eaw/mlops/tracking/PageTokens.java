package dev.eaw.mlops.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.TrackingError;

/** Page tokens as MLflow makes them: base64 of {@code {"offset": N}}; a token we did not make is invalid. */
public final class PageTokens {

	private static final Pattern OFFSET = Pattern.compile("\\{\\s*\"offset\"\\s*:\\s*(\\d{1,9})\\s*}");

	private PageTokens() {
	}

	public static String of(int offset) {
		return Base64.getEncoder().encodeToString(("{\"offset\": " + offset + "}").getBytes(StandardCharsets.UTF_8));
	}

	public static int offset(@Nullable String token) {
		if (token == null || token.isEmpty()) {
			return 0;
		}
		try {
			Matcher matcher = OFFSET.matcher(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
			if (matcher.matches()) {
				return Integer.parseInt(matcher.group(1));
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: falls through to the error
		}
		throw TrackingError.invalid("Invalid page token, could not base64-decode or parse '" + token + "'.");
	}

	/** Checks a page size against MLflow's bounds (1 to 50,000). */
	static int limit(long maxResults) {
		if (maxResults < 1 || maxResults > 50_000) {
			throw TrackingError.invalid("Invalid value " + maxResults + " for parameter 'max_results' supplied. "
					+ "It must be at most 50000.");
		}
		return (int) maxResults;
	}

}
