package dev.eaw.insights.sql;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A running query's limits: its row budget and the stop flag its Java side checks after the time limit fired. */
class QueryContextTests {

	/** What the fake PostgreSQL connections saw. */
	private final List<String> calls = new ArrayList<>();

	private final AtomicBoolean cancelled = new AtomicBoolean();

	@AfterEach
	void unbind() {
		QueryContext.close();
	}

	@Test
	void everyRowReadCountsAgainstTheBudget() throws SQLException {
		QueryContext context = new QueryContext(null, new CountedReader(endless()), 1000);
		context.bind();
		try (Connection connection = context.reader().getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT x FROM big")) {
			for (int i = 0; i < 1000; i++) {
				assertThat(rows.next()).isTrue();
			}
			assertThatThrownBy(rows::next).isInstanceOf(InvalidInput.class).hasMessageContaining("1000 rows");
		}
		assertThat(calls).as("a transaction, so the driver streams").contains("setAutoCommit(false)");
	}

	@Test
	void aStoppedQueryStopsReadingAndCancelsItsStatements() throws SQLException {
		QueryContext context = new QueryContext(null, new CountedReader(endless()), Long.MAX_VALUE);
		context.bind();
		try (Connection connection = context.reader().getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT x FROM big")) {
			assertThat(rows.next()).isTrue();
			context.stop();
			assertThat(cancelled).isTrue();
			assertThatThrownBy(rows::next).isInstanceOf(QueryStopped.class);
		}
	}

	@Test
	void aStoppedQueryStopsCallingFunctionsInsteadOfReturningNull() {
		QueryContext context = new QueryContext(null, endless(), Long.MAX_VALUE);
		context.bind();
		context.stop();
		assertThatThrownBy(() -> AiSql.sentiment("great")).isInstanceOf(QueryStopped.class);
		assertThatThrownBy(() -> SafeRegex.like("a", "a")).isInstanceOf(QueryStopped.class);
		assertThat(context.warnings()).isEmpty();
	}

	/** A data source whose result sets never end, recording what is called on it. */
	private DataSource endless() {
		AtomicInteger row = new AtomicInteger();
		ResultSet rows = fake(ResultSet.class, name -> name.equals("next") ? row.incrementAndGet() > 0 : null);
		Statement statement = fake(Statement.class, name -> {
			if (name.equals("cancel")) {
				cancelled.set(true);
			}
			return name.equals("executeQuery") ? rows : null;
		});
		Connection connection = fake(Connection.class, name -> name.equals("createStatement") ? statement : null);
		return fake(DataSource.class, name -> name.equals("getConnection") ? connection : null);
	}

	private <T> T fake(Class<T> type, java.util.function.Function<String, Object> answer) {
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
			if (method.getName().equals("hashCode")) {
				return System.identityHashCode(self);
			}
			if (method.getName().equals("equals")) {
				return self == args[0];
			}
			calls.add(method.getName() + (args == null ? "()" : "(" + args[0] + ")"));
			Object result = answer.apply(method.getName());
			if (result == null && method.getReturnType() == boolean.class) {
				return false;
			}
			return result;
		}));
	}

}
