package dev.eaw.insights.sql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snowflake's syntax and semi-structured functions on Calcite, run in Java without a database. */
class SnowflakeDialectTests {

	private final CalciteQueries queries = new CalciteQueries(CalciteQueriesTests.noDatabase(), null,
			new CalciteQueries.Limits(100, Duration.ofSeconds(120), 1000, 2), root -> {
			}, (user, sql, rows, ms, error) -> {
			});

	private QueryResult run(String sql) {
		return queries.run(sql, "ann");
	}

	private List<Object> row(String sql) {
		return run(sql).rows().get(0);
	}

	private static final String DOC = "(SELECT PARSE_JSON('{\"a\": {\"b\": [10, 20]}, \"Name\": \"x\", \"d\": \"2024-01-15\", "
			+ "\"ts\": \"2024-01-15T10:20:30\", \"n\": \"12.5\", \"f\": 1.25, \"yes\": true}') AS v) t";

	@Test
	void pathsReadVariantsAndCastsReadThemAsSnowflakeDoes() {
		// https://docs.snowflake.com/en/user-guide/querying-semistructured
		QueryResult result = run("SELECT v:a.b[1] AS e, v['a']['b'][0] AS f, v:Name::STRING AS s, v:n::NUMBER AS n, "
				+ "v:f::FLOAT AS x, v:yes::BOOLEAN AS y, v:d::DATE AS d, v:ts::TIMESTAMP_NTZ AS ts, v:a::VARCHAR AS j, "
				+ "v:missing AS m FROM " + DOC);
		assertThat(result.columns().stream().map(ResultColumn::type)).containsExactly("variant", "variant", "text",
				"number", "number", "boolean", "date", "timestamp", "text", "variant");
		// ::NUMBER is NUMBER(38, 0): 12.5 rounds half away from zero
		assertThat(result.rows().get(0)).containsExactly(20, 10, "x", new java.math.BigDecimal("13"), 1.25, true, "2024-01-15",
				"2024-01-15 10:20:30", "{\"b\":[10,20]}", null);
	}

	@Test
	void aTextColumnHoldingJsonIsReadAsJson() {
		assertThat(row("SELECT j:a.b AS b, GET_PATH(j, 'a.b') AS p FROM (SELECT '{\"a\": {\"b\": 2}}' AS j) t"))
			.containsExactly(2, 2);
	}

	@Test
	void constructorsKeepTypesAndPutDatesInAsText() {
		// https://docs.snowflake.com/en/sql-reference/functions/object_construct
		List<Object> row = row("SELECT OBJECT_CONSTRUCT('d', DATE '2024-01-02', 'n', 1.5, 'b', TRUE, 'x', NULL) AS o, "
				+ "ARRAY_CONSTRUCT(1, 'a', NULL, TIMESTAMP '2024-01-02 03:04:05') AS a, ['x', {'k': [1]}] AS c");
		assertThat(row.get(0)).isEqualTo(Map.of("d", "2024-01-02", "n", new java.math.BigDecimal("1.5"), "b", true));
		assertThat(Variants.json(row.get(1))).isEqualTo("[1,\"a\",null,\"2024-01-02 03:04:05\"]");
		assertThat(Variants.json(row.get(2))).isEqualTo("[\"x\",{\"k\":[1]}]");
	}

	@Test
	void flattenNumbersEachInputRow() {
		// https://docs.snowflake.com/en/sql-reference/functions/flatten: SEQ is one number per input record
		QueryResult result = run("SELECT f.seq, f.index, f.value::NUMBER AS v FROM "
				+ "VALUES (PARSE_JSON('[1, 2]')), (PARSE_JSON('[3]')) t, LATERAL FLATTEN(input => t.column1) f ORDER BY v");
		assertThat(result.rows()).containsExactly(List.of(1L, 0, new java.math.BigDecimal("1")), List.of(1L, 1, new java.math.BigDecimal("2")),
				List.of(2L, 0, new java.math.BigDecimal("3")));
	}

	@Test
	void dateFunctionsTruncateAddAndCountBoundaries() {
		// https://docs.snowflake.com/en/sql-reference/functions/date_trunc, …/dateadd, …/datediff
		assertThat(row("SELECT DATE_TRUNC('quarter', DATE '2024-05-17'), DATE_TRUNC(month, DATE '2024-05-17'), "
				+ "DATE_TRUNC('week', DATE '2024-05-19'), DATE_TRUNC('yyyy', TIMESTAMP '2024-05-17 10:11:12'), "
				+ "DATE_TRUNC('minute', TIMESTAMP '2024-05-17 10:11:12')"))
			.containsExactly("2024-04-01", "2024-05-01", "2024-05-13", "2024-01-01 00:00:00", "2024-05-17 10:11:00");
		assertThat(row("SELECT DATEADD(day, 3, DATE '2024-01-30'), DATEADD('month', 1, DATE '2024-01-31'), "
				+ "DATEADD(hour, 2, TIMESTAMP '2024-01-01 23:00:00'), DATEDIFF(month, DATE '2024-01-31', DATE '2024-02-01'), "
				+ "DATEDIFF(year, DATE '2024-12-31', DATE '2025-01-01'), DATEDIFF(day, DATE '2024-03-01', DATE '2024-02-28')"))
			.containsExactly("2024-02-02", "2024-02-29", "2024-01-02 01:00:00", 1, 1, -2);
	}

	@Test
	void conditionalFunctionsBecomeCalcitesCaseAndCoalesce() {
		// https://docs.snowflake.com/en/sql-reference/functions/iff, …/nvl, …/zeroifnull, …/nullifzero, …/nvl2
		assertThat(row("SELECT IFF(1 > 2, 'yes', 'no'), NVL(NULL, 'z'), ZEROIFNULL(NULL), NULLIFZERO(0), "
				+ "NVL2('a', 'set', 'unset'), IFNULL(NULL, 3)"))
			.containsExactly("no", "z", 0, null, "set", 3);
	}

	@Test
	void conversionFunctions() {
		// https://docs.snowflake.com/en/sql-reference/functions/to_date, …/to_timestamp, …/to_char
		assertThat(row("SELECT TO_DATE('2024-03-04'), TO_TIMESTAMP('2024-03-04 05:06:07'), TO_VARCHAR(12.5), "
				+ "TO_VARCHAR(DATE '2024-01-02'), TO_VARCHAR(PARSE_JSON('[1,2]')), TYPEOF(PARSE_JSON('1.5')), "
				+ "TO_JSON(PARSE_JSON('\"a\"'))"))
			.containsExactly("2024-03-04", "2024-03-04 05:06:07", "12.5", "2024-01-02", "[1,2]", "DECIMAL", "\"a\"");
	}

	@Test
	void arrayFunctions() {
		// https://docs.snowflake.com/en/sql-reference/functions/array_size, …/array_contains, …/array_to_string, …/split
		assertThat(row("SELECT ARRAY_SIZE([1, 2, 3]), ARRAY_CONTAINS(2, [1, 2]), ARRAY_TO_STRING(['a', 'b'], '-'), "
				+ "SPLIT('127.0.0.1', '.'), OBJECT_KEYS({'a': 1, 'b': 2}), ARRAY_SIZE('not json')"))
			.containsExactly(3, true, "a-b", List.of("127", "0", "0", "1"), List.of("a", "b"), null);
	}

	@Test
	void mistakesAreExplainedInASentence() {
		assertThatThrownBy(() -> run("SELECT PARSE_JSON('{oops')")).hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> run("SELECT DATE_TRUNC('fortnight', DATE '2024-01-01')"))
			.hasMessageContaining("not a date or time part");
		assertThatThrownBy(() -> run("SELECT OBJECT_CONSTRUCT('a')")).hasMessageContaining("pairs of keys and values");
		assertThatThrownBy(() -> run("SELECT PARSE_JSON('\"abc\"')::NUMBER")).hasMessageContaining("not recognized");
	}

	@Test
	void pathsOfGetPath() {
		assertThat(VariantPath.elements("vehicle[0]:make")).containsExactly("vehicle", "0", "make");
		assertThat(VariantPath.elements("a.\"b c\"['d'][2]")).containsExactly("a", "b c", "d", "2");
	}

}
