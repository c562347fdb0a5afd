package dev.eaw.insights.sql;

import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import static org.assertj.core.api.Assertions.assertThat;

/** Users get a plain sentence; class names, generated code and PostgreSQL's own text stay in the log. */
class QueryErrorsTests {

	@Test
	void internalsNeverReachTheMessage() {
		String generated = "Error while compiling generated Java code:\npublic org.apache.calcite.linq4j.Enumerable bind("
				+ "final org.apache.calcite.DataContext root) {\n  return new Baz$1();\n}";
		assertPlain(new SQLException(generated, new IllegalStateException(generated)));
		assertPlain(new RuntimeException(new InvocationTargetException(new NullPointerException("x is null"))));
		assertPlain(new SQLException("Error while executing SQL \"SELECT 1\": java.lang.ClassCastException: a"));
		assertPlain(new PSQLException("ERROR: relation \"kernel.users\" does not exist\n  Position: 15",
				PSQLState.UNDEFINED_TABLE));
	}

	@Test
	void knownFailuresSayWhatWentWrong() {
		assertThat(QueryErrors.explain(new ExceptionInInitializerError(new ArithmeticException("/ by zero"))).getMessage())
			.contains("Division by zero.");
		assertThat(QueryErrors.explain(new PSQLException("ERROR: division by zero", PSQLState.DIVISION_BY_ZERO))
			.getMessage()).contains("Division by zero.");
		assertThat(QueryErrors.explain(new RuntimeException(new NumberFormatException("For input string: \"99\"")))
			.getMessage()).contains("could not be read as a number");
		assertThat(QueryErrors.explain(new IllegalArgumentException("The series has fewer than 3 points.")).getMessage())
			.contains("The series has fewer than 3 points.");
	}

	private static void assertPlain(Throwable ex) {
		String detail = QueryErrors.explain(ex).getBody().getDetail();
		assertThat(detail).isNotBlank().doesNotContain("org.apache", "Exception", "public ", "PSQL", "java.", "$",
				"kernel.users", "\n");
	}

}
