package dev.eaw.insights.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A parse error as one line that says where: "Syntax error at line 1, column 8: …". When the parser stopped at a word
 * it reserves (a column named {@code day}), it says so and shows the quoted form that reads as a name.
 */
final class SyntaxErrors {

	/** The word the parser stopped at: {@code Encountered "date FROM" at …}, {@code Encountered ". date" at …}. */
	private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(?:\\. )?([A-Za-z_][A-Za-z0-9_$]*)[\" ]");

	private static final SqlAbstractParserImpl.Metadata WORDS = SqlParser.create("", CalciteSettings.parserConfig())
		.getMetadata();

	private SyntaxErrors() {
	}

	static String describe(SqlParseException ex) {
		String first = String.valueOf(ex.getMessage()).lines().findFirst().orElse("").strip();
		String reserved = reservedWord(first);
		SqlParserPos pos = ex.getPos();
		if (reserved != null) {
			return "`" + reserved + "` is a reserved word in SQL: write it as \"" + reserved.toLowerCase(Locale.ROOT)
					+ "\" to use it as a name" + (pos == null ? "" : " (line " + pos.getLineNum() + ", column "
							+ pos.getColumnNum() + ")") + ".";
		}
		if (pos == null || first.contains(" at line ")) {
			return "Syntax error: " + first;
		}
		return "Syntax error at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": " + first;
	}

	/** The reserved word the parser stopped at, as typed, or null. */
	private static String reservedWord(String message) {
		Matcher matcher = ENCOUNTERED.matcher(message);
		if (!matcher.find()) {
			return null;
		}
		String word = matcher.group(1);
		return WORDS.isReservedWord(word.toUpperCase(Locale.ROOT)) ? word : null;
	}

}
