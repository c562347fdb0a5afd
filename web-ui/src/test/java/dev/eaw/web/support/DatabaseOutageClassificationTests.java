package dev.eaw.web.support;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.eaw.kernel.DatabaseOutage;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures count as "the database is not reachable" (503) and which stay ordinary errors. */
class DatabaseOutageClassificationTests {

	@Test
	void connectionFailuresAreOutagesWhereverTheyAreWrapped() {
		SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("Connection is not available");
		assertThat(DatabaseOutage.isCause(poolTimeout)).isTrue();
		assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("Failed", poolTimeout))).isTrue();
		assertThat(DatabaseOutage.isCause(new InternalAuthenticationServiceException("lookup failed",
				new CannotCreateTransactionException("Could not open JPA EntityManager", poolTimeout)))).isTrue();
		assertThat(DatabaseOutage.isCause(new IllegalStateException("load failed", new SQLException("refused", "08001"))))
			.isTrue();
		assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
		assertThat(DatabaseOutage.isCause(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
		assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("Connection is closed")))).isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(DatabaseOutage.isCause(null)).isFalse();
		assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(DatabaseOutage.isCause(new SQLException("canceling statement due to statement timeout", "57014")))
			.isFalse();
		assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
	}

}
