package dev.eaw.insights.sql;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlGuardTests {

	@Test
	void queriesPass() {
		assertThat(SqlGuard.check("SELECT 1").toString()).contains("SELECT");
		SqlGuard.check("WITH t AS (SELECT 1 AS a) SELECT a FROM t");
		SqlGuard.check("-- comment\nSELECT * FROM reviews ORDER BY 1 LIMIT 3");
		SqlGuard.check("VALUES (1), (2)");
		SqlGuard.check("SELECT 1 UNION ALL SELECT 2");
	}

	@Test
	void everythingElseIsRefusedWithAReason() {
		assertThatThrownBy(() -> SqlGuard.check("  ")).isInstanceOf(InvalidInput.class).hasMessageContaining("Type a query");
		assertThatThrownBy(() -> SqlGuard.check("update t set a = 1")).hasMessageContaining("UPDATE is not allowed");
		assertThatThrownBy(() -> SqlGuard.check("/* x */ (delete from t)")).hasMessageContaining("DELETE is not allowed");
		assertThatThrownBy(() -> SqlGuard.check("SELECT 1; SELECT 2")).hasMessageContaining("one statement");
		assertThatThrownBy(() -> SqlGuard.check("SELECT 1; DROP TABLE sales")).isInstanceOf(InvalidInput.class)
			.extracting(ex -> ((InvalidInput) ex).getBody().getDetail())
			.isEqualTo("Run one statement at a time: this text has 2.");
		assertThatThrownBy(() -> SqlGuard.check("set role postgres")).hasMessageContaining("SET statements");
		assertThatThrownBy(() -> SqlGuard.check("SELECT FROM WHERE")).hasMessageContaining("Syntax error");
	}

	@Test
	void statementsAreCountedByTheirSemicolonsOutsideStringsNamesAndComments() {
		assertThat(SqlGuard.statementCount("SELECT 1")).isEqualTo(1);
		assertThat(SqlGuard.statementCount("SELECT 1;")).isEqualTo(1);
		assertThat(SqlGuard.statementCount("SELECT 1 ; -- done\n ;")).isEqualTo(1);
		assertThat(SqlGuard.statementCount("SELECT ';' AS \";\" /* ; */")).isEqualTo(1);
		assertThat(SqlGuard.statementCount("SELECT 1; DROP TABLE sales")).isEqualTo(2);
		assertThat(SqlGuard.statementCount("SELECT 1;;SELECT 2; SELECT 3")).isEqualTo(3);
		assertThat(SqlGuard.check("SELECT ';' AS x;").toString()).contains("SELECT");
		assertThat(SqlGuard.withoutTrailingSemicolons("SELECT ';' AS x ; -- done\n;\n")).isEqualTo("SELECT ';' AS x");
	}

	@Test
	void aReservedWordUsedAsANameSaysHowToQuoteIt() {
		assertThatThrownBy(() -> SqlGuard.check("SELECT date, amount FROM sales")).isInstanceOf(InvalidInput.class)
			.extracting(ex -> ((InvalidInput) ex).getBody().getDetail())
			.isEqualTo("`date` is a reserved word in SQL: write it as \"date\" to use it as a name (line 1, column 8).");
		assertThatThrownBy(() -> SqlGuard.check("SELECT amount FROM sales s WHERE s.TIME > 3"))
			.hasMessageContaining("`TIME` is a reserved word in SQL: write it as \"time\"");
		assertThat(SqlGuard.check("SELECT \"date\" FROM sales").toString()).contains("date");
		assertThatThrownBy(() -> SqlGuard.check("SELECT a FROM FROM t")).hasMessageContaining("Syntax error");
	}

}
