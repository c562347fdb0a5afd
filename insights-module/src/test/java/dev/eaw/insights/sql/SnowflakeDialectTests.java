package dev.eaw.insights.sql;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;

import static org.assertj.core.api.Assertions.assertThat;

/** Snowflake's syntax and semi-structured functions, on Calcite, without a database. */
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

	@Test
	void scratch() {
		for (String sql : List.of(
				"SELECT PARSE_JSON('{\"a\": {\"b\": [10, 20]}, \"Name\": \"x\"}') AS v",
				"SELECT v:a.b[1] AS e, v:Name::STRING AS n, v['a']['b'][0] AS f FROM (SELECT PARSE_JSON('{\"a\": {\"b\": [10, 20]}, \"Name\": \"x\"}') AS v)",
				"SELECT ['a', 1, TRUE] AS arr, {'k': 1, 'd': DATE '2024-01-02'} AS obj",
				"SELECT * FROM VALUES (1, 'a'), (2, 'b')",
				"SELECT column1, column2 FROM VALUES (1, 'a'), (2, 'b') AS t",
				"SELECT f.value, f.index, f.path, f.key, f.seq, f.this FROM TABLE(FLATTEN(input => PARSE_JSON('[1, 77]'))) f",
				"SELECT t.column1, f.value::NUMBER AS n FROM VALUES (PARSE_JSON('[1,2]')), (PARSE_JSON('[3]')) t, LATERAL FLATTEN(input => t.column1) f",
				"SELECT DATE_TRUNC('quarter', DATE '2024-05-17') AS q, DATE_TRUNC('month', TIMESTAMP '2024-05-17 10:11:12') AS m",
				"SELECT DATEADD(day, 3, DATE '2024-01-30') AS a, DATEADD('month', 1, DATE '2024-01-31') AS b, DATEDIFF(month, DATE '2024-01-31', DATE '2024-02-01') AS c",
				"SELECT IFF(1 > 2, 'yes', 'no') AS i, NVL(NULL, 'z') AS n, ZEROIFNULL(NULL) AS z",
				"SELECT TO_DATE('2024-03-04') AS d, TO_TIMESTAMP('2024-03-04 05:06:07') AS t, TO_VARCHAR(12.5) AS v, TO_VARCHAR(DATE '2024-01-02') AS vd",
				"SELECT PARSE_JSON('{\"d\": \"2024-01-15\", \"n\": \"12.5\", \"b\": true}'):d::DATE AS d",
				"SELECT PARSE_JSON('{\"n\": 12.5}'):n::FLOAT AS f, PARSE_JSON('{\"n\": 12.5}'):n::NUMBER AS n, PARSE_JSON('{\"b\": true}'):b::BOOLEAN AS b",
				"SELECT OBJECT_CONSTRUCT('a', 1, 'b', NULL) AS o, OBJECT_CONSTRUCT_KEEP_NULL('a', 1, 'b', NULL) AS k, ARRAY_CONSTRUCT(10, 20, 30) AS a, ARRAY_SIZE(ARRAY_CONSTRUCT(1, 2)) AS s",
				"SELECT GET(PARSE_JSON('[1,2,3]'), 1) AS g, GET_PATH(PARSE_JSON('{\"a\": [{\"b\": 5}]}'), 'a[0].b') AS p",
				"SELECT x AS k, COUNT(*) AS n FROM (VALUES ('a'), ('b'), ('a')) t(x) GROUP BY k ORDER BY k",
				"SELECT PARSE_JSON('{\"a\":1}')::STRING AS s, TYPEOF(PARSE_JSON('1.5')) AS t")) {
			try {
				QueryResult r = run(sql);
				System.out.println("OK  " + sql + "\n    " + r.columns().stream().map(c -> c.name() + ":" + c.type()).toList() + " " + r.rows());
			}
			catch (RuntimeException ex) {
				System.out.println("ERR " + sql + "\n    " + ex.getMessage());
			}
		}
	}

}
