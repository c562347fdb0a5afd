package dev.eaw.insights.sql;

import java.util.regex.Pattern;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eaw.kernel.InvalidInput;

/**
 * Turns what Calcite or PostgreSQL threw into a plain sentence a SQL user can act on. Calcite's generated code,
 * Java class names, stack traces and PostgreSQL's own messages stay in the log.
 */
final class QueryErrors {

	private static final Logger log = LoggerFactory.getLogger(QueryErrors.class);

	/** Text that only internals contain: packages, exception names, generated code, inner classes, stack frames. */
	private static final Pattern INTERNAL = Pattern.compile(
			"org\\.apache|java\\.|Exception|Error while|public |PSQL|\\bat [a-z]+\\.|[A-Za-z]\\$\\d|[\\r\\n{};]");

	private static final String GENERIC = "The query could not run: check the functions, types and values it uses.";

	private QueryErrors() {
	}

	static InvalidInput explain(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String sentence = sentence(cause);
			if (cause instanceof InvalidInput invalid) {
				return invalid;
			}
			if (sentence != null) {
				log.debug("Query failed: {}", sentence, ex);
				return new InvalidInput(sentence);
			}
		}
		log.warn("Query failed with an unexpected error", ex);
		return new InvalidInput(GENERIC);
	}

	private static String sentence(Throwable cause) {
		if (cause instanceof QueryStopped) {
			return "The query was stopped.";
		}
		if (cause instanceof SqlParseException parse) {
			return SyntaxErrors.describe(parse);
		}
		if (cause instanceof PSQLException psql) {
			return postgres(psql.getSQLState());
		}
		if (cause instanceof ArithmeticException arithmetic) {
			return String.valueOf(arithmetic.getMessage()).contains("by zero") ? "Division by zero."
					: "A number is out of range for its type.";
		}
		if (cause instanceof NumberFormatException) {
			return "A text could not be read as a number of that type (not a number, or out of its range).";
		}
		if (cause instanceof StackOverflowError) {
			return "The query is nested too deeply.";
		}
		if (cause instanceof CalciteContextException || cause instanceof CalciteException
				|| cause instanceof IllegalArgumentException) {
			return plain(cause.getMessage());
		}
		return null;
	}

	/** The message if it is a plain sentence, else the generic one. */
	static String plain(String message) {
		if (message == null || message.isBlank() || message.length() > 400 || INTERNAL.matcher(message).find()) {
			return GENERIC;
		}
		return message;
	}

	private static String postgres(String state) {
		String code = state == null ? "" : state;
		return switch (code) {
			case "57014" -> "The query ran too long and was stopped by the database.";
			case "22012" -> "Division by zero.";
			case "22003" -> "A number is out of range for its type.";
			case "22P02", "22007", "22008" -> "A value could not be converted to the type the query asks for "
					+ "(e.g. a CAST of text that is not a number or a date).";
			case "42501" -> "The SQL box may only read the datasets.";
			case "42883" -> "The database has no such function or operator for these argument types.";
			default -> code.startsWith("22") ? "A value in the data is not valid for this operation (error " + code + ")."
					: code.startsWith("53") || code.startsWith("54")
							? "The query needs more than the database allows; query fewer rows or simplify it."
							: "The database refused the query (error " + code + ").";
		};
	}

}
