package dev.eaw.insights.sql;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import dev.eaw.insights.QueryResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queries that run only in Java (no dataset is read) end when their time is up, and give the user's slot back. */
class CalciteQueriesTests {

	/** 30^6 = 729 million rows joined in Java, each with a function call: many minutes if nothing stops it. */
	private static final String ENDLESS = "SELECT COUNT(*) FROM "
			+ IntStream.range(0, 6).mapToObj(t -> values(30) + " t" + t + "(x)").collect(Collectors.joining(", "))
			+ " WHERE REGEXP_LIKE(t0.x || t1.x || t2.x || t3.x || t4.x || t5.x, 'q')";

	private final List<String> logged = new ArrayList<>();

	@Test
	void aQueryThatOnlyRunsInJavaStopsAtItsTimeLimit() {
		// Calcite's first query in a JVM loads and compiles much: not part of the time limit under test
		assertThat(queries(Duration.ofSeconds(120)).run("SELECT REGEXP_LIKE('a', 'a') AS warm", "ann").rows())
			.containsExactly(List.of(true));
		logged.clear();
		CalciteQueries queries = queries(Duration.ofSeconds(5));
		assertThatThrownBy(() -> queries.run(ENDLESS, "ann")).hasMessageContaining("longer than 5 s");
		// the user's only slot comes back once the Java side has stopped: otherwise this is a 429
		QueryResult next = queries.run("SELECT REGEXP_REPLACE('a-b', '-', '+') AS r", "ann");
		assertThat(next.rows()).containsExactly(List.of("a+b"));
		assertThat(logged).hasSize(2).first().asString().contains("longer than 5 s");
	}

	private CalciteQueries queries(Duration timeout) {
		return new CalciteQueries(noDatabase(), null, new CalciteQueries.Limits(100, timeout, 1000, 1), root -> {
		}, (user, sql, rows, ms, error) -> logged.add(error));
	}

	private static String values(int rows) {
		return IntStream.range(0, rows).mapToObj(i -> "('v" + i + "')").collect(Collectors.joining(", ", "(VALUES ", ")"));
	}

	@Test
	void aUsersExtraQueryIsRefusedWhileHisSlotIsTaken() throws Exception {
		CalciteQueries queries = queries(Duration.ofSeconds(8));
		Thread first = new Thread(() -> {
			try {
				queries.run(ENDLESS, "bob");
			}
			catch (RuntimeException ignored) {
				// it times out; the point is the second query
			}
		});
		first.start();
		Thread.sleep(500);
		assertThatThrownBy(() -> queries.run("SELECT 1", "bob")).isInstanceOfSatisfying(ErrorResponseException.class,
				ex -> {
					assertThat(ex.getStatusCode().value()).isEqualTo(429);
					assertThat(ex.getHeaders().getFirst("Retry-After")).isNotBlank();
				});
		assertThat(queries.run("SELECT 1 AS n", "carol").rows()).containsExactly(List.of(1));
		first.join();
	}

	/** The datasets' connections, never reached by these queries except for Calcite's look at the database. */
	static DataSource noDatabase() {
		DatabaseMetaData meta = fake(DatabaseMetaData.class, null);
		Connection connection = fake(Connection.class, meta);
		return fake(DataSource.class, connection);
	}

	private static <T> T fake(Class<T> type, Object answer) {
		return type.cast(Proxy.newProxyInstance(CalciteQueriesTests.class.getClassLoader(), new Class<?>[] { type },
				(self, method, args) -> {
					Class<?> returns = method.getReturnType();
					if (method.getName().equals("hashCode")) {
						return System.identityHashCode(self);
					}
					if (method.getName().equals("equals")) {
						return self == args[0];
					}
					if (answer != null && returns.isInstance(answer)) {
						return answer;
					}
					if (returns == boolean.class) {
						return false;
					}
					if (returns == int.class) {
						return 0;
					}
					return returns == long.class ? (Object) 0L : null;
				}));
	}

}
