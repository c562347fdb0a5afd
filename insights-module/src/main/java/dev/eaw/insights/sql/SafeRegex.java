package dev.eaw.insights.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.eaw.kernel.InvalidInput;

/**
 * The SQL box's regular expressions ({@code REGEXP_REPLACE}, {@code REGEXP_LIKE}, {@code SIMILAR TO}), evaluated
 * with RE2/J in time linear in the text: a pattern like {@code ((a+)+)+c} cannot hold a thread for minutes as with
 * {@link java.util.regex}. Patterns RE2 cannot run in linear time (backreferences, look-around) are refused.
 * {@link RegexCalls} routes the SQL calls here; the semantics follow PostgreSQL.
 */
public final class SafeRegex {

	private static final int CACHE = 500;

	private static final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	private SafeRegex() {
	}

	/** PostgreSQL's {@code regexp_replace(source, pattern, replacement)}: the first match only. */
	public static @Nullable String replace(@Nullable String source, @Nullable String regex,
			@Nullable String replacement) {
		return replace(source, regex, replacement, "");
	}

	/** PostgreSQL's {@code regexp_replace(source, pattern, replacement, flags)}: {@code g} replaces every match. */
	public static @Nullable String replace(@Nullable String source, @Nullable String regex,
			@Nullable String replacement, @Nullable String flags) {
		if (source == null || regex == null || replacement == null || flags == null) {
			return null;
		}
		QueryContext.checkCurrent();
		Matcher matcher = pattern(regex, flags, "gicnms").matcher(source);
		boolean global = flags.indexOf('g') >= 0;
		StringBuilder out = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			out.append(source, last, matcher.start());
			substitute(matcher, replacement, out);
			last = matcher.end();
			if (!global) {
				break;
			}
		}
		return out.append(source, last, source.length()).toString();
	}

	/** {@code \1}–{@code \9} are groups, {@code \&} the whole match, {@code \\} a backslash, as in PostgreSQL. */
	private static void substitute(Matcher matcher, String replacement, StringBuilder out) {
		for (int i = 0; i < replacement.length(); i++) {
			char c = replacement.charAt(i);
			if (c != '\\' || i + 1 == replacement.length()) {
				out.append(c);
				continue;
			}
			char next = replacement.charAt(++i);
			if (next >= '1' && next <= '9') {
				if (next - '0' <= matcher.groupCount() && matcher.group(next - '0') != null) {
					out.append(matcher.group(next - '0'));
				}
			}
			else if (next == '&') {
				out.append(matcher.group());
			}
			else {
				out.append(next);
			}
		}
	}

	/** {@code REGEXP_LIKE(text, pattern)}: whether the pattern matches anywhere in the text. */
	public static @Nullable Boolean like(@Nullable String source, @Nullable String regex) {
		return like(source, regex, "");
	}

	/** {@code REGEXP_LIKE(text, pattern, flags)} with {@code i}, {@code c}, {@code n} (dot matches newline), {@code m}. */
	public static @Nullable Boolean like(@Nullable String source, @Nullable String regex, @Nullable String flags) {
		if (source == null || regex == null || flags == null) {
			return null;
		}
		QueryContext.checkCurrent();
		return pattern(regex, flags.replace('n', 's'), "icsm").matcher(source).find();
	}

	/** {@code text SIMILAR TO pattern}: SQL's pattern ({@code %}, {@code _}, {@code |}, groups) on the whole text. */
	public static @Nullable Boolean similar(@Nullable String source, @Nullable String pattern) {
		return similar(source, pattern, "\\");
	}

	public static @Nullable Boolean similar(@Nullable String source, @Nullable String pattern,
			@Nullable String escape) {
		if (source == null || pattern == null || escape == null) {
			return null;
		}
		QueryContext.checkCurrent();
		return pattern(SqlPatterns.similarToRegex(pattern, escape), "s", "s").matcher(source).matches();
	}

	public static @Nullable Boolean notSimilar(@Nullable String source, @Nullable String pattern) {
		Boolean similar = similar(source, pattern);
		return similar == null ? null : !similar;
	}

	public static @Nullable Boolean notSimilar(@Nullable String source, @Nullable String pattern,
			@Nullable String escape) {
		Boolean similar = similar(source, pattern, escape);
		return similar == null ? null : !similar;
	}

	/** A compiled pattern, from a small cache: SQL evaluates one pattern on many rows. */
	static Pattern pattern(String regex, String flags, String allowed) {
		String key = flags + '\u0001' + regex;
		Pattern pattern = patterns.get(key);
		if (pattern == null) {
			pattern = compile(regex, flags, allowed);
			if (patterns.size() >= CACHE) {
				patterns.clear();
			}
			patterns.put(key, pattern);
		}
		return pattern;
	}

	private static Pattern compile(String regex, String flags, String allowed) {
		int bits = 0;
		for (char flag : flags.toCharArray()) {
			if (allowed.indexOf(flag) < 0) {
				throw new InvalidInput("Unknown regular expression flag '" + flag + "': use " + allowed + ".");
			}
			bits = switch (flag) {
				case 'i' -> bits | Pattern.CASE_INSENSITIVE;
				case 'c' -> bits & ~Pattern.CASE_INSENSITIVE;
				case 'm', 'n' -> bits | Pattern.MULTILINE;
				case 's' -> bits | Pattern.DOTALL;
				default -> bits;
			};
		}
		try {
			return Pattern.compile(regex, bits);
		}
		catch (PatternSyntaxException ex) {
			throw new InvalidInput("The regular expression '" + regex + "' cannot be used: " + ex.getDescription()
					+ ". Backreferences (\\1) and look-around ((?=…), (?<=…)) are not supported; everything else of "
					+ "RE2 syntax is.");
		}
	}

}
