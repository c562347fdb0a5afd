package dev.eaw.insights.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-pass turns only the forms Babel cannot parse, and never touches strings, quoted names or comments. */
class SnowflakeSyntaxTests {

	@Test
	void aColonPathBecomesItemAccessKeepingTheCaseOfElementNames() {
		// https://docs.snowflake.com/en/user-guide/querying-semistructured: element names are case-sensitive
		assertThat(SnowflakeSyntax.toBabel("SELECT src:salesperson.Name, src:vehicle[0].price::NUMBER FROM car_sales"))
			.isEqualTo("SELECT src['salesperson']['Name'], src['vehicle'][0]['price']::NUMBER FROM car_sales");
		assertThat(SnowflakeSyntax.toBabel("SELECT v:a[0][1].b.c[2] FROM t"))
			.isEqualTo("SELECT v['a'][0][1]['b']['c'][2] FROM t");
		assertThat(SnowflakeSyntax.toBabel("SELECT v:\"Customer Name\"::varchar, t.v:a FROM t"))
			.isEqualTo("SELECT v['Customer Name']::varchar, t.v['a'] FROM t");
	}

	@Test
	void arrayAndObjectConstantsBecomeConstructors() {
		// https://docs.snowflake.com/en/sql-reference/data-types-semistructured: ARRAY and OBJECT constants
		assertThat(SnowflakeSyntax.toBabel("SELECT [1, 'a', [2]], {'k': v:x, 'n': {'m': 1}}"))
			.isEqualTo("SELECT ARRAY_CONSTRUCT(1, 'a', ARRAY_CONSTRUCT(2)), "
					+ "OBJECT_CONSTRUCT('k', v['x'], 'n', OBJECT_CONSTRUCT('m', 1))");
		assertThat(SnowflakeSyntax.toBabel("SELECT ARRAY['a', 'b'], x[0], f(y)[1], {}"))
			.isEqualTo("SELECT ARRAY['a', 'b'], x[0], f(y)[1], OBJECT_CONSTRUCT()");
	}

	@Test
	void fromValuesGetsParenthesesAndSnowflakesColumnNames() {
		// https://docs.snowflake.com/en/sql-reference/constructs/values
		assertThat(SnowflakeSyntax.toBabel("SELECT * FROM VALUES (1, 'a'), (2, 'b')"))
			.isEqualTo("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS \"values\"(column1, column2)");
		assertThat(SnowflakeSyntax.toBabel("SELECT * FROM VALUES (f(1, 2)), (3) v WHERE column1 > 1"))
			.isEqualTo("SELECT * FROM (VALUES (f(1, 2)), (3)) v(column1) WHERE column1 > 1");
		assertThat(SnowflakeSyntax.toBabel("SELECT * FROM (VALUES (1, 'one')) AS t (c1, c2)"))
			.isEqualTo("SELECT * FROM (VALUES (1, 'one')) AS t (c1, c2)");
		assertThat(SnowflakeSyntax.toBabel("SELECT * FROM (VALUES (1, 'one'))"))
			.isEqualTo("SELECT * FROM (VALUES (1, 'one')) AS \"values\"(column1, column2)");
	}

	@Test
	void lateralFlattenBecomesATableFunction() {
		// https://docs.snowflake.com/en/sql-reference/functions/flatten
		assertThat(SnowflakeSyntax.toBabel("SELECT f.value FROM t, LATERAL FLATTEN(input => t.v:items) f"))
			.isEqualTo("SELECT f.value FROM t, LATERAL TABLE(FLATTEN(\"input\" => t.v['items'])) f");
	}

	@Test
	void namedArgumentsMayBeKeywordsInAnyCase() {
		// https://docs.snowflake.com/en/sql-reference/functions/flatten: FLATTEN(INPUT => …, OUTER => TRUE, MODE => …)
		assertThat(SnowflakeSyntax.toBabel("FLATTEN(INPUT => v, OUTER => TRUE, Mode => 'ARRAY')"))
			.isEqualTo("FLATTEN(\"input\" => v, \"outer\" => TRUE, \"mode\" => 'ARRAY')");
	}

	@Test
	void aQuotedDatePartIsUnquoted() {
		// https://docs.snowflake.com/en/sql-reference/functions/dateadd: the part may be quoted
		assertThat(SnowflakeSyntax.toBabel("SELECT DATEADD('month', 1, d), DATEDIFF('day', a, b)"))
			.isEqualTo("SELECT DATEADD(month, 1, d), DATEDIFF(day, a, b)");
	}

	@Test
	void expressionColumnsAreNamedAfterTheirText() {
		// Snowflake names a column after its expression: https://docs.snowflake.com/en/user-guide/querying-semistructured
		assertThat(ColumnNames.name("SELECT src:dealership, t.a, b, c AS x, d y, COUNT(*), CASE WHEN a THEN 1 END, "
				+ "v:\"K\"::STRING FROM t WHERE (SELECT MAX(z) FROM u) > 0"))
			.isEqualTo("SELECT src:dealership AS \"src:dealership\", t.a, b, c AS x, d y, COUNT(*) AS \"count(*)\", "
					+ "CASE WHEN a THEN 1 END AS \"case when a then 1 end\", v:\"K\"::STRING AS \"v:\"\"k\"\"::string\" "
					+ "FROM t WHERE (SELECT MAX(z) AS \"max(z)\" FROM u) > 0");
		String longer = "SELECT CONCAT('" + "x".repeat(200) + "')";
		assertThat(ColumnNames.name(longer)).endsWith("AS \"concat('" + "x".repeat(117) + "...\"");
		assertThat(ColumnNames.name("SELECT DISTINCT *, t.*, EXTRACT(YEAR FROM d) yr FROM t"))
			.isEqualTo("SELECT DISTINCT *, t.*, EXTRACT(YEAR FROM d) yr FROM t");
	}

	@Test
	void stringsQuotedNamesAndCommentsStayAsTheyAre() {
		String sql = "SELECT 'a:b [1] {''k'': 2}', \"x:y\" -- v:z [3]\n/* {'k': 1} */ FROM t WHERE s = 'FROM VALUES (1)'";
		assertThat(SnowflakeSyntax.toBabel(sql)).isEqualTo(sql);
		String plain = "SELECT a, b::DATE, CAST(c AS INT), JSON_OBJECT('k' : 1) FROM t WHERE x IN (1, 2)";
		assertThat(SnowflakeSyntax.toBabel(plain)).isEqualTo(plain);
		assertThat(SnowflakeSyntax.prepare("SELECT v:a FROM t")).isEqualTo("SELECT v['a'] AS \"v:a\" FROM t");
	}

}
