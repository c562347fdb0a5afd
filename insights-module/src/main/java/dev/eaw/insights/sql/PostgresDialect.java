package dev.eaw.insights.sql;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialectFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL as Calcite writes SQL for it, with one repair: PostgreSQL has {@code round(numeric, int)} but no
 * {@code round(double precision, int)}, so {@code ROUND(x, n)} and {@code TRUNCATE(x, n)} are sent as
 * {@code ROUND(CAST(x AS DECIMAL), n)} and {@code TRUNC(CAST(x AS DECIMAL), n)}.
 */
final class PostgresDialect extends PostgresqlSqlDialect {

	/** PostgreSQL's name for TRUNCATE(x, n). */
	private static final SqlFunction TRUNC = new SqlFunction("TRUNC", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null,
			OperandTypes.ANY_ANY, SqlFunctionCategory.NUMERIC);

	static final SqlDialectFactory FACTORY = (metaData) -> new PostgresDialect();

	private PostgresDialect() {
		super(PostgresqlSqlDialect.DEFAULT_CONTEXT);
	}

	@Override
	public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
		boolean rounding = (call.getOperator().getName().equalsIgnoreCase("ROUND")
						|| call.getOperator().getName().equalsIgnoreCase("TRUNCATE"))
				&& call.operandCount() == 2;
		if (rounding) {
			SqlParserPos pos = call.getParserPosition();
			SqlCall cast = SqlStdOperatorTable.CAST.createCall(pos, call.operand(0),
					new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, pos), pos));
			SqlCall repaired = (call.getOperator().getName().equalsIgnoreCase("ROUND") ? SqlStdOperatorTable.ROUND
					: TRUNC).createCall(pos, cast, call.operand(1));
			super.unparseCall(writer, repaired, leftPrec, rightPrec);
			return;
		}
		super.unparseCall(writer, call, leftPrec, rightPrec);
	}

}
