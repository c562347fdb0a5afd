package dev.eaw.kernel.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.Role;
import dev.eaw.kernel.UserAccount;

/** Reading and writing the kernel's rows: timestamps as {@code TIMESTAMPTZ}, users as {@link UserAccount}. */
final class Rows {

	/** The user columns, for a query on {@code kernel.users u}. */
	static final String USER_COLUMNS = "u.id, u.username, u.password_hash, u.role, u.enabled, u.created_at";

	private Rows() {
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	static Instant required(ResultSet rs, String column) throws SQLException {
		Instant at = instant(rs, column);
		if (at == null) {
			throw new SQLException(column + " is null");
		}
		return at;
	}

	static OffsetDateTime param(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	static UserAccount user(ResultSet rs) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
				rs.getBoolean("enabled"), required(rs, "created_at"));
	}

}
