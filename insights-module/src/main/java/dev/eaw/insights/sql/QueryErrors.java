package dev.eaw.insights.sql;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

import dev.eaw.kernel.InvalidInput;

/** Turns what Calcite or PostgreSQL threw into a message a SQL user can act on. */
final class QueryErrors {

	private QueryErrors() {
	}

	static RuntimeException explain(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInput invalid) {
				return invalid;
			}
			if (cause instanceof CalciteContextException context) {
				return new InvalidInput(context.getMessage());
			}
			if (cause instanceof SqlParseException parse) {
				return new InvalidInput(SyntaxErrors.describe(parse));
			}
			if (cause instanceof IllegalArgumentException argument && argument.getMessage() != null) {
				return new InvalidInput(argument.getMessage());
			}
			if (cause instanceof org.postgresql.util.PSQLException psql) {
				String message = psql.getServerErrorMessage() != null ? psql.getServerErrorMessage().getMessage()
						: psql.getMessage();
				if (message != null && message.contains("statement timeout")) {
					return new InvalidInput("The query ran too long and was stopped by the database.");
				}
				return new InvalidInput("The database refused the query: " + message);
			}
		}
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		int colon = message.indexOf("\": ");
		return new InvalidInput(colon > 0 && message.startsWith("Error while executing SQL")
				? message.substring(colon + 3) : message);
	}

}
