package dev.eaw.web.docqa;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eaw.docqa.DocumentFilter;
import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OData subset that {@code filter} takes as a string (Azure's filter is an OData expression:
 * https://learn.microsoft.com/en-us/azure/ai-services/openai/references/azure-search).
 */
class ODataFilterTests {

	@Test
	void equalitiesJoinedByAndBecomeAFilter() {
		DocumentFilter filter = ODataFilter.parse(
				"metadata/department eq 'R and D' AND type eq 'PDF' and document eq 42 and metadata/owner eq 'O''Brien'");
		assertThat(filter.metadata()).isEqualTo(Map.of("department", "R and D", "owner", "O'Brien"));
		assertThat(filter.types()).containsExactly("pdf");
		assertThat(filter.documents()).containsExactly(42L);
		assertThat(ODataFilter.parse("  metadata/region eq 'EU'  ").metadata()).isEqualTo(Map.of("region", "EU"));
	}

	@Test
	void anythingElseIsRefused() {
		for (String odata : List.of("", "metadata/department ne 'HR'", "metadata/department eq 'HR' or type eq 'pdf'",
				"metadata/department eq 'HR' and", "title eq 'x'", "document eq '42'", "type eq pdf",
				"search.in(metadata/department, 'HR,IT')", "metadata/department eq 'HR' extra",
				"metadata/a b eq 'x'")) {
			assertThatThrownBy(() -> ODataFilter.parse(odata)).as(odata)
				.isInstanceOf(InvalidInput.class)
				.hasMessageContaining("filter");
		}
		assertThatThrownBy(() -> ODataFilter.parse("type eq '" + "x".repeat(2000) + "'"))
			.hasMessageContaining("at most 2000");
	}

}
