package dev.eaw.web.insights;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.insights.SnowflakeCompatibilityTests.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snowflake's documentation on VALUES, conditional, date and conversion functions, pasted into the SQL box as
 * {@link SnowflakeCompatibilityTests} does for semi-structured data: each query copied from the Snowflake page cited
 * above it, run through {@code POST /api/insights/query}, checked against the result the page shows.
 */
@AppTest
class SnowflakeFunctionCompatibilityTests {

	@LocalServerPort
	int port;

	Result run(String sql) {
		return SnowflakeCompatibilityTests.run(port, sql);
	}

	// https://docs.snowflake.com/en/sql-reference/constructs/values

	@Test
	void valuesColumnsAreNamedColumn1Column2() {
		Result result = run("SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three'))");
		assertThat(result.names()).containsExactly("column1", "column2");
		assertThat(result.json()).isEqualTo("[[1,\"one\"],[2,\"two\"],[3,\"three\"]]");
	}

	@Test
	void valuesWithAnAliasAndColumnNames() {
		Result result = run("SELECT c1, c2 FROM (VALUES (1, 'one'), (2, 'two')) AS v1 (c1, c2)");
		assertThat(result.names()).containsExactly("c1", "c2");
		assertThat(result.json()).isEqualTo("[[1,\"one\"],[2,\"two\"]]");
	}

	@Test
	void zeroIfNullOverFromValuesWithoutParentheses() {
		// https://docs.snowflake.com/en/sql-reference/functions/zeroifnull
		Result result = run("SELECT column1, ZEROIFNULL(column1) AS z FROM VALUES (1), (null), (5), (0), (3.14159)");
		assertThat(result.json()).isEqualTo("[[1.0,1.0],[null,0.0],[5.0,5.0],[0.0,0.0],[3.14159,3.14159]]");
	}

	@Test
	void iffReturnsItsSecondOrThirdArgument() {
		// https://docs.snowflake.com/en/sql-reference/functions/iff
		Result result = run("SELECT IFF(TRUE, 'true', 'false') AS a, IFF(FALSE, 'true', 'false') AS b, "
				+ "IFF(NULL, 'true', 'false') AS c, IFF(TRUE, NULL, 'false') AS d");
		assertThat(result.json()).isEqualTo("[[\"true\",\"false\",\"false\",null]]");
	}

	@Test
	void nvlAndIfnull() {
		// https://docs.snowflake.com/en/sql-reference/functions/nvl, https://docs.snowflake.com/en/sql-reference/functions/ifnull
		Result result = run("SELECT NVL(NULL, 'replacement') AS a, IFNULL('value', 'replacement') AS b");
		assertThat(result.json()).isEqualTo("[[\"replacement\",\"value\"]]");
	}

	@Test
	void dateTruncToYearQuarterMonthWeekDay() {
		// https://docs.snowflake.com/en/sql-reference/functions/date_trunc — 2024-05-09 is a Thursday; weeks start on Monday
		Result result = run("""
				WITH test_date_trunc AS (SELECT '2024-05-09'::DATE AS mydate)
				SELECT mydate AS "DATE",
				       DATE_TRUNC('year', mydate) AS "TRUNCATED TO YEAR",
				       DATE_TRUNC('quarter', mydate) AS "TRUNCATED TO QUARTER",
				       DATE_TRUNC('month', mydate) AS "TRUNCATED TO MONTH",
				       DATE_TRUNC('week', mydate) AS "TRUNCATED TO WEEK",
				       DATE_TRUNC('day', mydate) AS "TRUNCATED TO DAY"
				  FROM test_date_trunc""");
		assertThat(result.types()).containsOnly("date");
		assertThat(result.json()).isEqualTo("[[\"2024-05-09\",\"2024-01-01\",\"2024-04-01\",\"2024-05-01\",\"2024-05-06\",\"2024-05-09\"]]");
	}

	@Test
	void dateTruncOfATimestampKeepsATimestamp() {
		// https://docs.snowflake.com/en/sql-reference/functions/date_trunc
		Result result = run("SELECT DATE_TRUNC('hour', '2024-05-09 08:50:57.891'::TIMESTAMP_NTZ) AS h, "
				+ "DATE_TRUNC('quarter', '2024-05-09 08:50:57.891'::TIMESTAMP_NTZ) AS q");
		assertThat(result.json()).isEqualTo("[[\"2024-05-09 08:00:00\",\"2024-04-01 00:00:00\"]]");
	}

	@Test
	void dateaddAddsYearsAndMonthsToTheLastDay() {
		// https://docs.snowflake.com/en/sql-reference/functions/dateadd
		Result result = run("SELECT TO_DATE('2022-05-08') AS original_date, "
				+ "DATEADD(year, 2, TO_DATE('2022-05-08')) AS date_plus_two_years, "
				+ "DATEADD(month, 1, '2023-01-31'::DATE) AS date_plus_one_month");
		assertThat(result.json()).isEqualTo("[[\"2022-05-08\",\"2024-05-08\",\"2023-02-28\"]]");
	}

	@Test
	void datediffCountsBoundariesCrossed() {
		// https://docs.snowflake.com/en/sql-reference/functions/datediff
		Result result = run("SELECT DATEDIFF(year, '2010-04-09 14:39:20'::TIMESTAMP, '2013-05-08 23:39:20'::TIMESTAMP) AS diff_years, "
				+ "DATEDIFF(month, '2021-01-31'::DATE, '2021-02-01'::DATE) AS diff_months, "
				+ "DATEDIFF(day, '2021-01-01'::DATE, '2021-03-01'::DATE) AS diff_days");
		assertThat(result.json()).isEqualTo("[[3,1,59]]");
	}

	@Test
	void conversionsToDateTimestampAndText() {
		// https://docs.snowflake.com/en/sql-reference/functions/to_date, …/to_timestamp, …/to_char
		Result result = run("SELECT TO_DATE('2024-05-10') AS d, TO_TIMESTAMP_NTZ('2013-04-05 01:02:03') AS t, "
				+ "TO_VARCHAR('2024-04-05'::DATE, 'mm/dd/yyyy') AS v, TO_VARCHAR(DATE '2024-04-05') AS plain");
		assertThat(result.types()).containsExactly("date", "timestamp", "text", "text");
		assertThat(result.json()).isEqualTo("[[\"2024-05-10\",\"2013-04-05 01:02:03\",\"04/05/2024\",\"2024-04-05\"]]");
	}

}
