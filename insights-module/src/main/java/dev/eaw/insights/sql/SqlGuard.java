package dev.eaw.insights.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

import dev.eaw.kernel.InvalidInput;

/**
 * Lets through exactly one query (SELECT, WITH, VALUES, set operations) and refuses everything else with a message
 * saying why. This is the first wall; the second is that Calcite, not the user, writes the SQL PostgreSQL sees, and
 * the third that it runs as a role that can only read the datasets.
 */
public final class SqlGuard {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "merge", "upsert", "truncate",
			"copy");

	private static final Set<String> OTHER = Set.of("create", "drop", "alter", "grant", "revoke", "set", "reset",
			"call", "do", "begin", "start", "commit", "rollback", "savepoint", "vacuum", "analyze", "lock", "listen",
			"notify", "comment", "reindex", "refresh", "security", "import", "load", "discard", "prepare", "execute",
			"deallocate", "declare", "fetch", "move", "close", "cluster", "checkpoint", "explain", "show", "use");

	private SqlGuard() {
	}

	/** The parsed query, or an {@link InvalidInput} explaining why it cannot run. */
	public static SqlNode check(String sql) {
		String first = firstWord(sql);
		if (first.isEmpty()) {
			throw new InvalidInput("Type a query, e.g. SELECT * FROM reviews LIMIT 10.");
		}
		int count = statementCount(sql);
		if (count > 1) {
			throw new InvalidInput("Run one statement at a time: this text has " + count + ".");
		}
		if (WRITES.contains(first)) {
			throw new InvalidInput(first.toUpperCase(Locale.ROOT)
					+ " is not allowed: the SQL box only reads datasets. Load data on the Datasets page.");
		}
		if (OTHER.contains(first)) {
			throw new InvalidInput(first.toUpperCase(Locale.ROOT)
					+ " statements are not allowed: only queries (SELECT, WITH, VALUES) and SNOWFLAKE.ML model statements run here.");
		}
		SqlNodeList statements;
		try {
			statements = SqlParser.create(SnowflakeSyntax.prepare(sql), CalciteSettings.parserConfig()).parseStmtList();
		}
		catch (SqlParseException ex) {
			throw new InvalidInput(SyntaxErrors.describe(ex));
		}
		if (statements.size() != 1) {
			throw new InvalidInput("Run one statement at a time: this text has " + statements.size() + ".");
		}
		SqlNode statement = statements.get(0);
		if (!statement.getKind().belongsTo(SqlKind.QUERY)) {
			throw new InvalidInput(statement.getKind() + " is not allowed: only queries (SELECT, WITH, VALUES) run here.");
		}
		return statement;
	}

	/**
	 * How many statements the text holds: the parts between semicolons that hold more than space and comments. A
	 * semicolon inside a string, a quoted name or a comment separates nothing, and a trailing one ends the only
	 * statement.
	 */
	static int statementCount(String sql) {
		int count = 0;
		boolean open = false;
		for (SqlTokens.Token token : SqlTokens.tokenize(sql)) {
			if (token.is(";")) {
				open = false;
			}
			else if (token.kind() != SqlTokens.Kind.SPACE && !open) {
				open = true;
				count++;
			}
		}
		return count;
	}

	/** The text without the semicolons (and space and comments) after its last statement, which JDBC would refuse. */
	static String withoutTrailingSemicolons(String sql) {
		List<SqlTokens.Token> tokens = SqlTokens.tokenize(sql);
		int end = tokens.size();
		while (end > 0 && (tokens.get(end - 1).is(";") || tokens.get(end - 1).kind() == SqlTokens.Kind.SPACE)) {
			end--;
		}
		StringBuilder text = new StringBuilder();
		tokens.subList(0, end).forEach(token -> text.append(token.text()));
		return text.toString();
	}

	/** The first keyword, after comments and opening parentheses, in lower case. */
	static String firstWord(String sql) {
		String rest = sql;
		while (true) {
			rest = rest.stripLeading();
			if (rest.startsWith("--")) {
				int end = rest.indexOf('\n');
				rest = end < 0 ? "" : rest.substring(end + 1);
			}
			else if (rest.startsWith("/*")) {
				int end = rest.indexOf("*/");
				rest = end < 0 ? "" : rest.substring(end + 2);
			}
			else if (rest.startsWith("(")) {
				rest = rest.substring(1);
			}
			else {
				break;
			}
		}
		int end = 0;
		while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
			end++;
		}
		return rest.substring(0, end).toLowerCase(Locale.ROOT);
	}

}
