package dev.eaw.insights.sql;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SafeRegexTests {

	private static final String SUBJECT = "a".repeat(40) + "!";

	@Test
	void catastrophicPatternsAnswerRightInsteadOfBacktrackingForMinutes() {
		// java.util.regex needs minutes for each of these; the bound only proves "did not hang"
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			assertThat(SafeRegex.replace(SUBJECT, "((a+)+)+c", "Q")).isEqualTo(SUBJECT);
			assertThat(SafeRegex.like(SUBJECT, "^(a|aa)+$")).isFalse();
			assertThat(SafeRegex.similar(SUBJECT, "(a*)*b")).isFalse();
			assertThat(SafeRegex.like("x".repeat(100_000), "(x+x+)+y")).isFalse();
			assertThat(SafeLike.like(SUBJECT, "%a%a%a%a%a%a%a%a%b")).isFalse();
		});
	}

	@Test
	void replaceFollowsPostgresql() {
		assertThat(SafeRegex.replace("one two two", "two", "2")).isEqualTo("one 2 two");
		assertThat(SafeRegex.replace("one two two", "T(w)o", "<\\1>", "gi")).isEqualTo("one <w> <w>");
		assertThat(SafeRegex.replace("a.b.c", "\\.", "[\\&]", "g")).isEqualTo("a[.]b[.]c");
		assertThat(SafeRegex.replace("price 5", "(\\d)", "$\\1 \\\\", "g")).isEqualTo("price $5 \\");
		assertThat(SafeRegex.replace(null, "a", "b")).isNull();
	}

	@Test
	void likeAndSimilarFollowSql() {
		assertThat(SafeRegex.like("Hello", "^h")).isFalse();
		assertThat(SafeRegex.like("Hello", "^h", "i")).isTrue();
		assertThat(SafeRegex.similar("abc", "a(b|x)%")).isTrue();
		assertThat(SafeRegex.similar("abc", "a_")).isFalse();
		assertThat(SafeRegex.similar("ab", "a.")).as("a dot is literal in SIMILAR TO").isFalse();
		assertThat(SafeRegex.similar("a.", "a.")).isTrue();
		assertThat(SafeRegex.similar("100%", "100#%", "#")).isTrue();
		assertThat(SafeRegex.similar("1000", "100#%", "#")).isFalse();
		assertThat(SafeRegex.notSimilar("abc", "a_c")).isFalse();
	}

	@Test
	void likeFollowsCalcite() {
		assertThat(SafeLike.like("abc", "a%c")).isTrue();
		assertThat(SafeLike.like("a.c", "a_c")).isTrue();
		assertThat(SafeLike.like("abc", "a.c")).as("only % and _ are wildcards").isFalse();
		assertThat(SafeLike.like("a\\b", "a\\b")).as("no escape character unless ESCAPE names one").isTrue();
		assertThat(SafeLike.like("a%b", "a#%b", "#")).isTrue();
		assertThat(SafeLike.like("axb", "a#%b", "#")).isFalse();
		assertThat(SafeLike.ilike("ABC", "%b%")).isTrue();
		assertThat(SafeLike.notLike("ABC", "%b%")).isTrue();
		assertThat(SafeLike.notIlike("ABC", "%b%")).isFalse();
		assertThat(SafeLike.like(null, "%")).isNull();
	}

	@Test
	void patternsRe2CannotRunInLinearTimeAreRefusedWithAReason() {
		assertThatThrownBy(() -> SafeRegex.like("abab", "(ab)\\1")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("regular expression");
		assertThatThrownBy(() -> SafeRegex.like("ab", "a(?=b)")).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> SafeRegex.replace("ab", "a", "b", "z")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("flag 'z'");
	}

}
