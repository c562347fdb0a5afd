package dev.eaw.mlops.registry;

import org.junit.jupiter.api.Test;

import dev.eaw.mlops.ModelStage;
import dev.eaw.mlops.TrackingError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's rules that need no database. Alias names follow MLflow's {@code _validate_model_alias_name}
 * (mlflow/mlflow, mlflow/utils/validation.py: {@code latest} in any case and {@code v<n>} are reserved), stages
 * MLflow's {@code get_canonical_stage} (mlflow/mlflow, mlflow/entities/model_registry/model_version_stages.py) and
 * {@code transition_model_version_stage} (mlflow/mlflow, mlflow/store/model_registry/sqlalchemy_store.py: archiving
 * the others only into Staging or Production).
 */
class RegistryRulesTests {

	@Test
	void aliasesAreWordCharactersAndDashesButNeitherLatestNorAVersion() {
		for (String alias : new String[] { "champion", "chal-lenger_2", "V", "vx1", "latest2", "a".repeat(255) }) {
			assertThatCode(() -> RegistryRules.requireAlias(alias)).as(alias).doesNotThrowAnyException();
		}
		assertInvalid(() -> RegistryRules.requireAlias("LaTeSt"), "'latest' alias name (case insensitive) is reserved.");
		assertInvalid(() -> RegistryRules.requireAlias("v3"), "Version alias name 'v3' is reserved.");
		assertInvalid(() -> RegistryRules.requireAlias("V12"), "Version alias name 'V12' is reserved.");
		for (String alias : new String[] { "", "bad alias", "a/b", "é", "a".repeat(256) }) {
			assertInvalid(() -> RegistryRules.requireAlias(alias), "Invalid alias name");
		}
	}

	@Test
	void versionsAreIntegersWithBlanksAroundAllowed() {
		assertThat(RegistryRules.versionNumber("7")).isEqualTo(7);
		assertThat(RegistryRules.versionNumber(" 12 ")).isEqualTo(12);
		for (String version : new String[] { "", "one", "1.0", "champion", "99999999999" }) {
			assertInvalid(() -> RegistryRules.versionNumber(version), "Parameter 'version' must be an integer, got '"
					+ version + "'.");
		}
	}

	@Test
	void stagesAreReadInAnyCaseAndOnlyActiveOnesArchiveTheOthers() {
		assertThat(RegistryRules.transitionTarget(" production ", true)).isEqualTo(ModelStage.PRODUCTION);
		assertThat(RegistryRules.transitionTarget("STAGING", true)).isEqualTo(ModelStage.STAGING);
		assertThat(RegistryRules.transitionTarget("archived", false)).isEqualTo(ModelStage.ARCHIVED);
		assertThat(RegistryRules.transitionTarget("None", false)).isEqualTo(ModelStage.NONE);
		assertInvalid(() -> RegistryRules.transitionTarget("Archived", true),
				"'Archived' is not an Active stage. Valid stages are Staging, Production.");
		assertInvalid(() -> RegistryRules.transitionTarget("none", true), "'None' is not an Active stage.");
		assertInvalid(() -> RegistryRules.transitionTarget("Live", false),
				"Invalid Model Version stage: Live. Value must be one of None, Staging, Production, Archived.");
	}

	@Test
	void modelNamesAreNotBlank() {
		assertThatCode(() -> RegistryRules.requireModelName("churn model")).doesNotThrowAnyException();
		assertInvalid(() -> RegistryRules.requireModelName(" "), "Registered model name cannot be empty.");
		assertInvalid(() -> RegistryRules.requireModelName("a".repeat(100_000)), "Registered model name");
	}

	private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
		assertThatThrownBy(call).isInstanceOfSatisfying(TrackingError.class, error -> {
			assertThat(error.code()).isEqualTo(TrackingError.Code.INVALID_PARAMETER_VALUE);
			assertThat(error.getMessage()).contains(message);
		});
	}

}
