package dev.eaw.insights.sql;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A parse error as one line that says where: "Syntax error at line 1, column 8: …". */
final class SyntaxErrors {

	private SyntaxErrors() {
	}

	static String describe(SqlParseException ex) {
		String first = String.valueOf(ex.getMessage()).lines().findFirst().orElse("").strip();
		SqlParserPos pos = ex.getPos();
		if (pos == null || first.contains(" at line ")) {
			return "Syntax error: " + first;
		}
		return "Syntax error at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": " + first;
	}

}
