package dev.eaw.insights.sql;

import org.jspecify.annotations.Nullable;

/**
 * {@code LIKE} and {@code ILIKE} in linear time, for the patterns whose backtracking would take minutes in Calcite's
 * {@link java.util.regex} translation ({@code '%a%a%a%a%b'}): {@link RegexCalls} sends only those here, so the
 * common LIKE filters still run in PostgreSQL. As in Calcite, there is no escape character unless ESCAPE names one.
 */
public final class SafeLike {

	private SafeLike() {
	}

	public static @Nullable Boolean like(@Nullable String source, @Nullable String pattern) {
		return test(source, pattern, "", false, false);
	}

	public static @Nullable Boolean like(@Nullable String source, @Nullable String pattern, @Nullable String escape) {
		return test(source, pattern, escape, false, false);
	}

	public static @Nullable Boolean notLike(@Nullable String source, @Nullable String pattern) {
		return test(source, pattern, "", false, true);
	}

	public static @Nullable Boolean notLike(@Nullable String source, @Nullable String pattern,
			@Nullable String escape) {
		return test(source, pattern, escape, false, true);
	}

	public static @Nullable Boolean ilike(@Nullable String source, @Nullable String pattern) {
		return test(source, pattern, "", true, false);
	}

	public static @Nullable Boolean ilike(@Nullable String source, @Nullable String pattern, @Nullable String escape) {
		return test(source, pattern, escape, true, false);
	}

	public static @Nullable Boolean notIlike(@Nullable String source, @Nullable String pattern) {
		return test(source, pattern, "", true, true);
	}

	public static @Nullable Boolean notIlike(@Nullable String source, @Nullable String pattern,
			@Nullable String escape) {
		return test(source, pattern, escape, true, true);
	}

	private static @Nullable Boolean test(@Nullable String source, @Nullable String pattern, @Nullable String escape,
			boolean anyCase, boolean negated) {
		if (source == null || pattern == null || escape == null) {
			return null;
		}
		QueryContext.checkCurrent();
		boolean matches = SafeRegex.pattern(SqlPatterns.likeToRegex(pattern, escape), anyCase ? "is" : "s", "is")
			.matcher(source)
			.matches();
		return matches != negated;
	}

}
