package dev.eaw.web.insights;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccounts;
import dev.eaw.web.AppTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What an analyst can type in the SQL box cannot exhaust the server, hang a thread, or see its internals. */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlHardeningTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@BeforeAll
	void users() {
		for (String user : List.of("hard-analyst", "hard-flooder", "hard-patient")) {
			if (accounts.find(user).isEmpty()) {
				accounts.create(user, "analyst-secret", Role.ANALYST, "test");
			}
		}
	}

	Http analyst() {
		return as("hard-analyst");
	}

	Http as(String user) {
		return Http.basic(port, user, "analyst-secret");
	}

	@Test
	void aHugeCrossJoinIsCutAtTheRowCapWithoutFillingTheHeap() {
		long start = System.nanoTime();
		HttpResponse<String> response = analyst()
			.query("SELECT a.*, b.* FROM reviews a, reviews b, reviews c WHERE c.review_id <= 6");
		assertThat(seconds(start)).as("answered, not hung").isLessThan(60);
		if (response.statusCode() == 200) {
			JsonNode result = Http.json(response);
			assertThat(result.path("rowCount").asInt()).isEqualTo(10_000);
			assertThat(result.path("truncated").asBoolean()).isTrue();
		}
		else {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(Http.json(response).path("detail").asString()).contains("rows");
		}
		JsonNode next = Http.json(analyst().query("SELECT COUNT(*) AS n FROM reviews"));
		assertThat(next.path("rows").get(0).get(0).asInt()).isEqualTo(2000);
	}

	@Test
	void aTwoWayCrossJoinStreamsItsFirstTenThousandRows() {
		HttpResponse<String> response = analyst().query("SELECT a.review, b.review FROM reviews a CROSS JOIN reviews b");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(Http.json(response).path("rowCount").asInt()).isEqualTo(10_000);
		assertThat(Http.json(response).path("truncated").asBoolean()).isTrue();
	}

	@Test
	void readingMoreRowsThanTheBudgetIsRefused() {
		// the regular expression runs in Java, so every row of the 4,000,000-row join is read from PostgreSQL
		HttpResponse<String> response = analyst().query(
				"SELECT COUNT(*) FROM reviews a, reviews b WHERE REGEXP_LIKE(a.product || b.product, 'no such thing')");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).contains("1000000 rows");
	}

	@Test
	void catastrophicRegularExpressionsRunInLinearTime() {
		String subject = "a".repeat(40) + "!";
		long start = System.nanoTime();
		JsonNode result = Http.json(analyst().query("SELECT REGEXP_REPLACE('" + subject + "', '((a+)+)+c', 'Q') AS r, "
				+ "REGEXP_LIKE('" + subject + "', '(a|aa)+!') AS l, '" + subject + "' SIMILAR TO '(a*)*b' AS s, '"
				+ subject + "' LIKE '%a%a%a%a%a%a%a%a%b' AS k"));
		assertThat(seconds(start)).as("answered, not hung").isLessThan(20);
		assertThat(result.path("rows").toString()).isEqualTo("[[\"" + subject + "\",true,false,false]]");
	}

	@Test
	void regularExpressionsKeepTheirMeaning() {
		HttpResponse<String> response = analyst().query("SELECT REGEXP_REPLACE('one two two', 'two', '2') AS first, "
				+ "REGEXP_REPLACE('one two two', 'T(w)o', '<\\1>', 'gi') AS each_one, REGEXP_LIKE('Hello', '^h', 'i') AS l, "
				+ "'abc' SIMILAR TO 'a(b|x)%' AS s, 'abc' NOT SIMILAR TO 'a_c' AS ns");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = Http.json(response);
		assertThat(result.path("rows").toString()).isEqualTo("[[\"one 2 two\",\"one <w> <w>\",true,true,false]]");
		JsonNode filtered = Http.json(analyst().query("SELECT COUNT(*) FROM reviews WHERE REGEXP_LIKE(product, '.') "
				+ "AND product LIKE '%' AND product NOT LIKE 'qqq%qqq%qqq%qqq' AND review_id <= 10"));
		assertThat(filtered.path("rows").get(0).get(0).asInt()).isEqualTo(10);
	}

	@Test
	void aBackreferenceInAPatternIsRefused() {
		HttpResponse<String> response = analyst().query("SELECT REGEXP_LIKE('abab', '(ab)\\1')");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).contains("regular expression");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT 'a\u0000b'", "SELECT 1/0", "SELECT CAST('99999999999999999999' AS BIGINT)",
			"SELECT review_id / (review_id - review_id) FROM reviews", "SELECT CAST(product AS INTEGER) FROM reviews",
			"SELECT * FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 2147483648))",
			"SELECT * FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', -1))", "SELECT nosuchfunction(1)",
			"SELECT CAST('x' AS DATE)", "SELECT SUBSTRING('abc' FROM -5 FOR -1)" })
	void badInputIsAPlainProblemWithoutInternals(String sql) {
		HttpResponse<String> response = analyst().query(sql);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		String detail = Http.json(response).path("detail").asString();
		assertThat(detail).isNotBlank().doesNotContain("org.apache", "Exception", "public ", "PSQL", "java.", "\tat ",
				"$", "-2147483648");
	}

	@Test
	void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
		HttpResponse<String> csv = analyst().postJsonAccepting("/api/insights/query", Http.JSON.writeValueAsString(
				java.util.Map.of("sql", "SELECT '=HYPERLINK(\"http://x\")' AS a, '+1+1' AS b, '-2+3' AS c, '@SUM(A1)' AS d, "
						+ "'\tx' AS e, 'plain' AS f, -5 AS g, 2.5 AS h")), "text/csv");
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+1,'-2+3,'@SUM(A1),'\tx,plain,-5,2.5");
	}

	@Test
	void oneUsersFloodDoesNotStarveAnotherUsersShortQuery() throws Exception {
		ExecutorService flood = Executors.newFixedThreadPool(10);
		try {
			List<CompletableFuture<HttpResponse<String>>> heavy = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				heavy.add(CompletableFuture.supplyAsync(() -> as("hard-flooder").query(
						"SELECT COUNT(*) FROM reviews a, reviews b WHERE REGEXP_LIKE(a.review || b.review, 'x{3}y')"),
						flood));
			}
			Thread.sleep(1500);
			long start = System.nanoTime();
			HttpResponse<String> quick = as("hard-patient").query("SELECT COUNT(*) FROM sales");
			assertThat(quick.statusCode()).as(quick.body()).isEqualTo(200);
			assertThat(seconds(start)).as("not queued behind another user's flood").isLessThan(15);
			List<HttpResponse<String>> refused = new ArrayList<>();
			for (CompletableFuture<HttpResponse<String>> future : heavy) {
				HttpResponse<String> response = future.get(5, TimeUnit.MINUTES);
				if (response.statusCode() == 429) {
					refused.add(response);
				}
			}
			assertThat(refused).as("extra queries of the flooding user are turned away").isNotEmpty();
			assertThat(refused.get(0).headers().firstValue("Retry-After")).isPresent();
			assertThat(Http.json(refused.get(0)).path("detail").asString()).contains("queries running");
		}
		finally {
			flood.shutdownNow();
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
