package dev.eaw.mlops.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.TrackingError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When serving lets an alias move: the new version is loaded first; one that cannot load is refused only if serving
 * answers with the alias now, otherwise the alias moves as MLflow moves it.
 */
class AliasGuardTests {

	/** Version 1 and 3 load, 2 does not (its run is gone). */
	final Map<String, String> broken = new HashMap<>(Map.of("2", "Run '0000' not found."));

	final List<String> loads = new ArrayList<>();

	String routed = "3";

	final AliasGuard guard = new AliasGuard((model, version) -> {
		loads.add(version);
		if (broken.containsKey(version)) {
			throw new NotFound(broken.get(version));
		}
	}, model -> routed);

	@Test
	void aLoadableVersionIsLoadedBeforeTheMove() {
		assertThatCode(() -> guard.beforeMove("churn", "champion", "1", "3")).doesNotThrowAnyException();
		assertThat(loads).containsExactly("3");
	}

	@Test
	void anAliasOnALoadableVersionStaysThere() {
		assertThatThrownBy(() -> guard.beforeMove("churn", "champion", "1", "2"))
			.isInstanceOfSatisfying(TrackingError.class, error -> {
				assertThat(error.code()).isEqualTo(TrackingError.Code.INVALID_PARAMETER_VALUE);
				assertThat(error.getMessage()).isEqualTo("Version 2 of 'churn' cannot be served, so alias 'champion' "
						+ "stays on version 1: Run '0000' not found.");
			});
	}

	@Test
	void aNewChampionMayNotTakeTheRoutedRequestsFromAVersionThatLoads() {
		assertThatThrownBy(() -> guard.beforeMove("churn", "champion", null, "2")).isInstanceOf(TrackingError.class)
			.hasMessageContaining("alias 'champion' is not set and routed requests stay with version 3");
		routed = null;
		assertThatCode(() -> guard.beforeMove("churn", "champion", null, "2")).doesNotThrowAnyException();
		routed = "2";
		assertThatCode(() -> guard.beforeMove("churn", "champion", null, "2")).doesNotThrowAnyException();
	}

	@Test
	void aliasesServingAnswersWithNothingThroughMoveAsInMlflow() {
		// a new alias other than champion
		assertThatCode(() -> guard.beforeMove("churn", "shadow", null, "2")).doesNotThrowAnyException();
		// an alias on a version that does not load either, as on a model an MLflow client registered
		broken.put("4", "Version 4 of 'churn' has no model/signature.json");
		assertThatCode(() -> guard.beforeMove("churn", "champion", "4", "2")).doesNotThrowAnyException();
		assertThat(loads).containsExactly("2", "2", "4");
	}

	@Test
	void aFailureWithoutAMessageIsNamed() {
		AliasGuard failing = new AliasGuard((model, version) -> {
			if (version.equals("2")) {
				throw new IllegalStateException();
			}
		}, model -> null);
		assertThatThrownBy(() -> failing.beforeMove("churn", "a", "1", "2")).isInstanceOf(TrackingError.class)
			.hasMessageEndingWith(": java.lang.IllegalStateException");
	}

}
