package dev.eaw.kernel.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest
	@ValueSource(strings = { "password", "12345678", "       x", "           x", "short-pw" })
	void fewerThanTwelveCharactersBesidesSpacesAreRefused(String password) {
		assertThatThrownBy(() -> policy.check("someone", password)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("12 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "PASSWORD1234", "123qweasdzxc", "qwerty123456", "1q2w3e4r5t6y" })
	void commonPasswordsAreRefusedWhateverTheirCase(String password) {
		assertThatThrownBy(() -> policy.check("someone", password)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaaaaaa", "qwertyuiopasdf", "123456789012345" })
	void easilyGuessedPatternsAreRefused(String password) {
		assertThatThrownBy(() -> policy.check("someone", password)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void theUsernameIsNotAPassword() {
		assertThatThrownBy(() -> policy.check("margaret.hamilton", "Margaret.Hamilton")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("username");
	}

	@Test
	void moreThanBcryptsSeventyTwoBytesIsRefusedBeforeAnyWorkOnIt() {
		assertThatThrownBy(() -> policy.check("someone", "x".repeat(100_000))).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("72");
	}

	@ParameterizedTest
	@ValueSource(strings = { "violet-harbour-tuesday", "correct horse battery staple", "admin-test-secret",
			"Tr0ub4dor&3-extended" })
	void longUncommonPasswordsPass(String password) {
		assertThatCode(() -> policy.check("someone", password)).doesNotThrowAnyException();
	}

}
