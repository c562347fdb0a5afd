package dev.eaw.docqa;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The bounds and the strictness mapping of the On Your Data options
 * (https://learn.microsoft.com/en-us/azure/ai-services/openai/references/azure-search: strictness 1-5, default 3;
 * top_n_documents default 5), and the rules for document metadata.
 */
class AskOptionsTests {

	static AskOptions options(int topN, int strictness, String role) {
		return new AskOptions(topN, strictness, true, role, SearchMode.HYBRID, DocumentFilter.NONE, false);
	}

	@Test
	void strictnessRaisesBothThresholdsAndThreeIsTheBehaviourWithoutIt() {
		assertThat(AskOptions.DEFAULT.topN()).isEqualTo(5);
		assertThat(AskOptions.DEFAULT.strictness()).isEqualTo(3);
		assertThat(AskOptions.DEFAULT.answerThreshold(0.55)).isEqualTo(0.55);
		assertThat(AskOptions.DEFAULT.minRelevance()).isEqualTo(-1);
		assertThat(options(5, 1, null).answerThreshold(0.55)).isCloseTo(0.40, within(1e-9));
		assertThat(options(5, 5, null).answerThreshold(0.55)).isCloseTo(0.70, within(1e-9));
		assertThat(options(5, 4, null).minRelevance()).isEqualTo(0.62);
		assertThat(options(5, 5, null).minRelevance()).isEqualTo(0.70);
		for (int s = 1; s < 5; s++) {
			assertThat(options(5, s + 1, null).answerThreshold(0.55)).isGreaterThan(options(5, s, null).answerThreshold(0.55));
			assertThat(options(5, s + 1, null).minRelevance()).isGreaterThanOrEqualTo(options(5, s, null).minRelevance());
		}
	}

	@Test
	void outOfRangeValuesNameTheirField() {
		assertThatThrownBy(() -> options(0, 3, null)).isInstanceOf(InvalidInput.class).hasMessageContaining("top_n_documents");
		assertThatThrownBy(() -> options(21, 3, null)).isInstanceOf(InvalidInput.class).hasMessageContaining("top_n_documents");
		assertThatThrownBy(() -> options(5, 0, null)).isInstanceOf(InvalidInput.class).hasMessageContaining("strictness");
		assertThatThrownBy(() -> options(5, 6, null)).isInstanceOf(InvalidInput.class).hasMessageContaining("strictness");
		assertThatThrownBy(() -> options(5, 3, "x".repeat(AskOptions.MAX_ROLE + 1))).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("role_information");
		assertThat(options(20, 1, "  ").roleInformation()).isNull();
		assertThatThrownBy(() -> new DocumentFilter(List.of(), List.of(), LocalDate.of(2026, 2, 1),
				LocalDate.of(2026, 1, 1), Map.of())).isInstanceOf(InvalidInput.class).hasMessageContaining("from");
	}

	@Test
	void metadataKeepsToTwentyShortKeysAndShortValues() {
		assertThat(DocumentMetadata.check(Map.of("department", "HR", "cost-centre.id_2", ""))).hasSize(2);
		Map<String, String> many = new HashMap<>();
		for (int i = 0; i < 21; i++) {
			many.put("k" + i, "v");
		}
		assertThatThrownBy(() -> DocumentMetadata.check(many)).hasMessageContaining("at most 20 keys");
		assertThatThrownBy(() -> DocumentMetadata.check(Map.of("a b", "x"))).hasMessageContaining("'a b'");
		assertThatThrownBy(() -> DocumentMetadata.check(Map.of("", "x"))).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> DocumentMetadata.check(Map.of("k".repeat(65), "x"))).isInstanceOf(InvalidInput.class);
		assertThat(DocumentMetadata.check(Map.of("k".repeat(64), "v".repeat(256)))).hasSize(1);
		assertThatThrownBy(() -> DocumentMetadata.check(Map.of("k", "v".repeat(257)))).hasMessageContaining("metadata.k");
	}

}
