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
		assertThatThrownBy(() -> SqlGuard.check("set role postgres")).hasMessageContaining("SET statements");
		assertThatThrownBy(() -> SqlGuard.check("SELECT FROM WHERE")).hasMessageContaining("Syntax error");
	}

}
