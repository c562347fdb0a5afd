package dev.eaw.web.insights;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snowflake's documentation, pasted into the SQL box: each query is copied from the Snowflake page cited above it
 * (tables the page creates are given as a WITH … AS (SELECT … FROM VALUES …) of the same rows, since the SQL box
 * only reads), run through {@code POST /api/insights/query}, and checked against the result the page shows. Column
 * names come back in lower case (unquoted names fold to lower case here, to upper case in Snowflake); an unaliased
 * expression's column is named after its text, as in Snowflake.
 */
@AppTest
class SnowflakeCompatibilityTests {

	/** The car_sales table of https://docs.snowflake.com/en/user-guide/querying-semistructured, its two rows. */
	static final String CAR_SALES = """
			WITH car_sales AS (SELECT PARSE_JSON(column1) AS src FROM VALUES
			('{ "date" : "2017-04-28", "dealership" : "Valley View Auto Sales",
			    "salesperson" : {"id": "55", "name": "Frank Beasley"},
			    "customer" : [{"name": "Joyce Ridgely", "phone": "16504378889", "address": "San Francisco, CA"}],
			    "vehicle" : [{"make": "Honda", "model": "Civic", "year": "2017", "price": "20275",
			                  "extras":["ext warranty", "paint protection"]}] }'),
			('{ "date" : "2017-04-28", "dealership" : "Tindel Toyota",
			    "salesperson" : {"id": "274", "name": "Greg Northrup"},
			    "customer" : [{"name": "Bradley Greenbloom", "phone": "12127593751", "address": "New York, NY"}],
			    "vehicle" : [{"make": "Toyota", "model": "Camry", "year": "2017", "price": "23500",
			                  "extras":["ext warranty", "rust proofing", "fabric protection"]}] }') v)
			""";

	@LocalServerPort
	int port;

	record Result(List<String> names, List<String> types, JsonNode rows) {

		/** The rows as compact JSON, e.g. {@code [["a",1],["b",2]]}. */
		String json() {
			return rows.toString();
		}

	}

	Result run(String sql) {
		return run(port, sql);
	}

	static Result run(int port, String sql) {
		HttpResponse<String> response = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD).query(sql);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = Http.json(response);
		List<String> names = new ArrayList<>();
		List<String> types = new ArrayList<>();
		body.path("columns").forEach(c -> {
			names.add(c.path("name").asString());
			types.add(c.path("type").asString());
		});
		return new Result(names, types, body.path("rows"));
	}

	static JsonNode json(String text) {
		return Http.JSON.readTree(text);
	}

	// https://docs.snowflake.com/en/user-guide/querying-semistructured — "Traversing semi-structured data"

	@Test
	void aFirstLevelElementByColonIsAVariant() {
		Result result = run(CAR_SALES + "SELECT src:dealership FROM car_sales ORDER BY 1");
		assertThat(result.names()).containsExactly("src:dealership");
		assertThat(result.types()).containsExactly("variant");
		assertThat(result.json()).isEqualTo("[[\"Tindel Toyota\"],[\"Valley View Auto Sales\"]]");
	}

	@Test
	void dotNotationTraversesNestedObjects() {
		Result result = run(CAR_SALES + "SELECT src:salesperson.name FROM car_sales ORDER BY 1");
		assertThat(result.json()).isEqualTo("[[\"Frank Beasley\"],[\"Greg Northrup\"]]");
	}

	@Test
	void bracketNotationTraversesTheSameWay() {
		Result result = run(CAR_SALES + "SELECT src['salesperson']['name'] FROM car_sales ORDER BY 1");
		assertThat(result.json()).isEqualTo("[[\"Frank Beasley\"],[\"Greg Northrup\"]]");
	}

	@Test
	void anArrayElementIsAnObjectInTheResponse() {
		Result result = run(CAR_SALES + "SELECT src:vehicle[0] FROM car_sales ORDER BY src:dealership::STRING");
		assertThat(result.rows().get(0).get(0).isObject()).isTrue();
		assertThat(result.rows().get(0).get(0)).isEqualTo(json("""
				{"make": "Toyota", "model": "Camry", "year": "2017", "price": "23500",
				 "extras": ["ext warranty", "rust proofing", "fabric protection"]}"""));
		assertThat(result.rows().get(1).get(0).path("extras")).isEqualTo(json("[\"ext warranty\", \"paint protection\"]"));
	}

	@Test
	void anElementOfAnArrayElement() {
		Result result = run(CAR_SALES + "SELECT src:vehicle[0].price FROM car_sales ORDER BY 1");
		assertThat(result.json()).isEqualTo("[[\"20275\"],[\"23500\"]]");
	}

	@Test
	void castingWithDoubleColonGivesPlainText() {
		Result result = run(CAR_SALES + "SELECT src:salesperson.id::string FROM car_sales ORDER BY 1");
		assertThat(result.types()).containsExactly("text");
		assertThat(result.json()).isEqualTo("[[\"274\"],[\"55\"]]");
	}

	@Test
	void aCastToNumberTakesPartInArithmetic() {
		Result result = run(CAR_SALES + "SELECT src:vehicle[0].price::NUMBER * 0.10 AS tax FROM car_sales ORDER BY tax");
		assertThat(result.names()).containsExactly("tax");
		assertThat(result.json()).isEqualTo("[[2027.5],[2350.0]]");
	}

	// https://docs.snowflake.com/en/user-guide/querying-semistructured — "Using the FLATTEN function to parse arrays"

	@Test
	void lateralFlattenGivesOneRowPerArrayElement() {
		Result result = run(CAR_SALES + "SELECT value FROM car_sales, LATERAL FLATTEN(INPUT => src:customer) "
				+ "ORDER BY value:name::STRING");
		assertThat(result.names()).containsExactly("value");
		assertThat(result.rows()).hasSize(2);
		assertThat(result.rows().get(0).get(0)).isEqualTo(json(
				"{\"name\": \"Bradley Greenbloom\", \"phone\": \"12127593751\", \"address\": \"New York, NY\"}"));
	}

	@Test
	void twoLateralFlattensUnnestNestedArrays() {
		Result result = run(CAR_SALES + """
				SELECT
				  vm.value:make::string as make,
				  vm.value:model::string as model,
				  ve.value::string as "Extras Purchased"
				  FROM
				    car_sales
				    , LATERAL FLATTEN(INPUT => SRC:vehicle) vm
				    , LATERAL FLATTEN(INPUT => vm.value:extras) ve
				  ORDER BY make, model, "Extras Purchased\"""");
		assertThat(result.names()).containsExactly("make", "model", "Extras Purchased");
		assertThat(result.json()).isEqualTo("[[\"Honda\",\"Civic\",\"ext warranty\"],[\"Honda\",\"Civic\",\"paint protection\"],"
				+ "[\"Toyota\",\"Camry\",\"ext warranty\"],[\"Toyota\",\"Camry\",\"fabric protection\"],"
				+ "[\"Toyota\",\"Camry\",\"rust proofing\"]]");
	}

	@Test
	void getPathReadsAPathGivenAsText() {
		// https://docs.snowflake.com/en/sql-reference/functions/get_path
		Result result = run(CAR_SALES + "SELECT GET_PATH(src, 'vehicle[0]:make') FROM car_sales ORDER BY 1");
		assertThat(result.names()).containsExactly("get_path(src, 'vehicle[0]:make')");
		assertThat(result.json()).isEqualTo("[[\"Honda\"],[\"Toyota\"]]");
	}

	@Test
	void groupByAnOutputAlias() {
		// https://docs.snowflake.com/en/sql-reference/constructs/group-by — "GROUP BY … column alias"
		Result result = run(CAR_SALES + "SELECT src:vehicle[0].year::NUMBER AS model_year, COUNT(*) AS sold "
				+ "FROM car_sales GROUP BY model_year");
		// ::NUMBER is NUMBER(38, 0) (https://docs.snowflake.com/en/sql-reference/data-types-numeric): 2017, not 2017.0
		assertThat(result.json()).isEqualTo("[[2017,2]]");
	}

	// https://docs.snowflake.com/en/sql-reference/functions/flatten — "Examples"

	@Test
	void flattenAnArrayShowsEveryColumn() {
		Result result = run("SELECT * FROM TABLE(FLATTEN(input => parse_json('[1, 77]'))) f");
		assertThat(result.names()).containsExactly("seq", "key", "path", "index", "value", "this");
		assertThat(result.json()).isEqualTo("[[1,null,\"[0]\",0,1,[1,77]],[1,null,\"[1]\",1,77,[1,77]]]");
	}

	@Test
	void flattenAnObjectWithOuter() {
		Result result = run("SELECT * FROM TABLE(FLATTEN(input => parse_json('{\"a\":1, \"b\":[77,88]}'), outer => true)) f");
		assertThat(result.rows()).hasSize(2);
		assertThat(result.rows().get(0).toString()).isEqualTo("[1,\"a\",\"a\",null,1,{\"a\":1,\"b\":[77,88]}]");
		assertThat(result.rows().get(1).toString()).isEqualTo("[1,\"b\",\"b\",null,[77,88],{\"a\":1,\"b\":[77,88]}]");
	}

	@Test
	void flattenAlongAPath() {
		Result result = run("SELECT * FROM TABLE(FLATTEN(input => parse_json('{\"a\":1, \"b\":[77,88]}'), path => 'b')) f");
		assertThat(result.json()).isEqualTo("[[1,null,\"b[0]\",0,77,[77,88]],[1,null,\"b[1]\",1,88,[77,88]]]");
	}

	@Test
	void flattenAnEmptyArrayGivesNoRowsOrOneWithOuter() {
		assertThat(run("SELECT * FROM TABLE(FLATTEN(input => parse_json('[]'))) f").rows()).isEmpty();
		Result outer = run("SELECT * FROM TABLE(FLATTEN(input => parse_json('[]'), outer => true)) f");
		assertThat(outer.json()).isEqualTo("[[1,null,\"\",null,null,[]]]");
	}

	@Test
	void flattenRecursivelyAndOnlyObjects() {
		String input = "parse_json('{\"a\":1, \"b\":[77,88], \"c\": {\"d\":\"X\"}}')";
		Result all = run("SELECT path FROM TABLE(FLATTEN(input => " + input + ", recursive => true)) f");
		assertThat(all.json()).isEqualTo("[[\"a\"],[\"b\"],[\"b[0]\"],[\"b[1]\"],[\"c\"],[\"c.d\"]]");
		Result objects = run("SELECT path FROM TABLE(FLATTEN(input => " + input + ", recursive => true, mode => 'object')) f");
		assertThat(objects.json()).isEqualTo("[[\"a\"],[\"b\"],[\"c\"],[\"c.d\"]]");
	}

	@Test
	void objectConstructLeavesNullsOutUnlessKeepNull() {
		// https://docs.snowflake.com/en/sql-reference/functions/object_construct, …/object_construct_keep_null
		Result result = run("SELECT OBJECT_CONSTRUCT('a', 1, 'b', 'BBBB', 'c', NULL) AS o, "
				+ "OBJECT_CONSTRUCT_KEEP_NULL('a', 1, 'b', 'BBBB', 'c', NULL) AS k");
		assertThat(result.types()).containsExactly("variant", "variant");
		assertThat(result.rows().get(0).get(0)).isEqualTo(json("{\"a\": 1, \"b\": \"BBBB\"}"));
		assertThat(result.rows().get(0).get(1)).isEqualTo(json("{\"a\": 1, \"b\": \"BBBB\", \"c\": null}"));
	}

	@Test
	void arrayConstructAndArraySize() {
		// https://docs.snowflake.com/en/sql-reference/functions/array_construct, …/array_size
		Result result = run("SELECT ARRAY_CONSTRUCT(10, 20, 30) AS a, ARRAY_SIZE(ARRAY_CONSTRUCT(1, 2, 3)) AS s, "
				+ "ARRAY_SIZE(PARSE_JSON('{\"not\": \"an array\"}')) AS n");
		assertThat(result.json()).isEqualTo("[[[10,20,30],3,null]]");
	}

	@Test
	void arrayAndObjectConstants() {
		// https://docs.snowflake.com/en/sql-reference/data-types-semistructured — ARRAY and OBJECT constants
		Result result = run("SELECT ['Alberta', 'Manitoba'] AS provinces, "
				+ "{'Alberta': 'Edmonton', 'Manitoba': 'Winnipeg'} AS province_capitals");
		assertThat(result.rows().get(0).get(0)).isEqualTo(json("[\"Alberta\", \"Manitoba\"]"));
		assertThat(result.rows().get(0).get(1)).isEqualTo(json("{\"Alberta\": \"Edmonton\", \"Manitoba\": \"Winnipeg\"}"));
	}

	@Test
	void getReadsAnArrayFromZeroAndAnObjectByKey() {
		// https://docs.snowflake.com/en/sql-reference/functions/get
		Result result = run("SELECT GET(ARRAY_CONSTRUCT('a', 'b', 'c'), 1) AS second, "
				+ "GET(OBJECT_CONSTRUCT('k', 'v'), 'k') AS by_key, GET(ARRAY_CONSTRUCT('a'), 5) AS beyond");
		assertThat(result.json()).isEqualTo("[[\"b\",\"v\",null]]");
	}

	@Test
	void toJsonGivesTheTextOfAVariant() {
		// https://docs.snowflake.com/en/sql-reference/functions/to_json
		Result result = run("WITH jdemo1 AS (SELECT PARSE_JSON('{\"food\":\"bard\"}') AS v) "
				+ "SELECT v, v:food, TO_JSON(v) FROM jdemo1");
		assertThat(result.names()).containsExactly("v", "v:food", "to_json(v)");
		assertThat(result.rows().get(0).get(0)).isEqualTo(json("{\"food\": \"bard\"}"));
		assertThat(result.rows().get(0).get(1).asString()).isEqualTo("bard");
		assertThat(result.rows().get(0).get(2).asString()).isEqualTo("{\"food\":\"bard\"}");
	}

	@Test
	void objectsBuiltFromADatasetAndExportedAsJsonText() {
		// https://docs.snowflake.com/en/sql-reference/functions/object_construct — a row as an OBJECT
		String sql = "SELECT review_id, OBJECT_CONSTRUCT('id', review_id, 'product', product) AS o "
				+ "FROM reviews ORDER BY review_id LIMIT 2";
		Result result = run(sql);
		assertThat(result.rows().get(0).get(1).path("id").asInt()).isEqualTo(result.rows().get(0).get(0).asInt());
		assertThat(result.rows().get(0).get(1).path("product").isString()).isTrue();
		HttpResponse<String> csv = Http.basic(port, "admin", AppTest.ADMIN_PASSWORD)
			.postJsonAccepting("/api/insights/query", Http.JSON.writeValueAsString(Map.of("sql", sql)), "text/csv");
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		String second = csv.body().lines().skip(1).findFirst().orElseThrow();
		assertThat(second).matches("\\d+,\"\\{\"\"id\"\":\\d+,\"\"product\"\":\"\".*\"\"\\}\"");
	}

}
