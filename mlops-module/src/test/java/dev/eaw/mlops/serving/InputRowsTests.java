package dev.eaw.mlops.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.ModelSignature.Input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request rows checked against a signature and turned into values in input order, problems named by row and column. */
class InputRowsTests {

	static final ModelSignature SIGNATURE = new ModelSignature(MlTask.CLASSIFICATION, "churned", "logistic-regression",
			ModelSignature.ONNX,
			List.of(new Input("tenure", "double", 30.0, 10.0, List.of()), new Input("usage", "double", 50.0, 15.0,
					List.of()), new Input("plan", "string", null, null, List.of("basic", "plus", "pro"))),
			List.of("tenure", "usage", "plan=basic", "plan=plus", "plan=pro"), List.of("left", "stayed"), true);

	@Test
	void rowsBecomeValuesInInputOrderWithNumericTextReadAsNumbers() {
		Map<String, Object> reordered = new LinkedHashMap<>();
		reordered.put("plan", "enterprise");
		reordered.put("usage", " 40.5");
		reordered.put("tenure", 12);
		Map<String, Object> nullText = new HashMap<>(Map.of("tenure", 1L, "usage", 2.5f));
		nullText.put("plan", null);
		List<Object[]> values = new ArrayList<>(InputRows.validate(SIGNATURE, List.of(reordered, nullText)));
		assertThat(values.get(0)).containsExactly(12.0, 40.5, "enterprise");
		assertThat(values.get(1)).containsExactly(1.0, 2.5, null);
	}

	@Test
	void missingAndUnknownColumnsAreNamedWithTheirRow() {
		assertInvalid(List.of(row(3, 50, "pro"), Map.of("tenure", 3, "plan", "pro")),
				"Missing column 'usage' in row 2; the model takes tenure, usage, plan.");
		Map<String, Object> extra = new HashMap<>(row(3, 50, "pro"));
		extra.put("colour", "red");
		assertInvalid(List.of(extra), "Unknown column 'colour' in row 1");
		assertInvalid(Arrays.asList(row(3, 50, "pro"), null), "Row 2 is null");
	}

	@Test
	void numbersAreFiniteAndNotNullAndTextIsScalar() {
		assertInvalid(List.of(row(3, 50, "pro"), row(3, 50, "pro"), row("many", 50, "pro")),
				"Column 'tenure' in row 3 is the text 'many'; it needs a number.");
		assertInvalid(List.of(row(3, Double.NaN, "pro")), "Column 'usage' in row 1 is NaN; it needs a finite number.");
		assertInvalid(List.of(row(3, "Infinity", "pro")), "Column 'usage' in row 1 is Infinity");
		assertInvalid(List.of(row(3, true, "pro")), "Column 'usage' in row 1 is a boolean; it needs a number.");
		Map<String, Object> nullNumber = new HashMap<>(row(3, 50, "pro"));
		nullNumber.put("tenure", null);
		assertInvalid(List.of(nullNumber), "Column 'tenure' in row 1 is null; it needs a number.");
		assertInvalid(List.of(row(3, 50, List.of("pro"))), "Column 'plan' in row 1 is a list; it needs text.");
		assertInvalid(List.of(row(3, 50, Map.of("p", 1))), "Column 'plan' in row 1 is an object; it needs text.");
		assertInvalid(List.of(row("x".repeat(100), 50, "pro")), "'" + "x".repeat(40) + "…'");
	}

	@Test
	void aRequestHasOneToTenThousandRows() {
		assertInvalid(List.of(), "The request has no rows");
		assertThat(InputRows.validate(SIGNATURE, Collections.nCopies(10_000, row(1, 2, "pro")))).hasSize(10_000);
		assertInvalid(Collections.nCopies(10_001, row(1, 2, "pro")), "10001 rows; at most 10000");
	}

	private static Map<String, Object> row(Object tenure, Object usage, Object plan) {
		return Map.of("tenure", tenure, "usage", usage, "plan", plan);
	}

	private static void assertInvalid(List<Map<String, Object>> rows, String detail) {
		assertThatThrownBy(() -> InputRows.validate(SIGNATURE, rows)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining(detail);
	}

}
