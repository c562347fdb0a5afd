package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedTableFunction;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * Calcite's query preparation with VARIANT-aware conversion. A VARIANT has Calcite's type {@code ANY}, whose casts
 * Calcite would do with Java casts; here a cast of an {@code ANY} value reads it as Snowflake does ({@code ::STRING}
 * of an object is its JSON, {@code ::DATE} of {@code "2024-01-15"} is that date) through the {@link Variants}
 * readers. And a DATE or TIMESTAMP passed to a function that takes a VARIANT goes in as its text, as Snowflake stores
 * dates in a VARIANT, instead of Calcite's internal day or millisecond count.
 */
final class SnowflakePrepare extends CalcitePrepareImpl {

	/** The Calcite JDBC driver that prepares queries this way. */
	static final Driver DRIVER = new Driver().withPrepareFactory(SnowflakePrepare::new);

	private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();

	@Override
	protected SqlRexConvertletTable createConvertletTable() {
		SqlRexConvertletTable standard = super.createConvertletTable();
		return call -> {
			SqlRexConvertlet base = standard.get(call);
			if (base != null && call.getKind() == SqlKind.CAST && call.operandCount() == 2) {
				return (cx, c) -> cast(cx, c, base);
			}
			if (base != null && call.getOperator() instanceof SqlUserDefinedFunction function
					&& !(function instanceof SqlUserDefinedTableFunction) && takesVariant(function)
					&& call.getOperandList().stream().noneMatch(arg -> arg != null && arg.getKind() == SqlKind.ARGUMENT_ASSIGNMENT)) {
				return (cx, c) -> variantArguments(cx, c, function);
			}
			return base;
		};
	}

	private static RexNode cast(SqlRexContext cx, SqlCall call, SqlRexConvertlet base) {
		RelDataType from = cx.getValidator().getValidatedNodeType(call.operand(0));
		if (from.getSqlTypeName() != SqlTypeName.ANY) {
			return base.convertCall(cx, call);
		}
		RelDataType to = cx.getValidator().getValidatedNodeType(call);
		RexBuilder rex = cx.getRexBuilder();
		RexNode value = cx.convertExpression(call.operand(0));
		SqlTypeName target = to.getSqlTypeName();
		String reader = switch (target) {
			case CHAR, VARCHAR -> "eaw_variant_text";
			case DATE -> "eaw_variant_date";
			case TIMESTAMP -> "eaw_variant_timestamp";
			case BOOLEAN -> "eaw_variant_boolean";
			case ANY -> null;
			default -> SqlTypeName.NUMERIC_TYPES.contains(target) ? "eaw_variant_number" : "";
		};
		if (reader == null) {
			return value;
		}
		if (reader.isEmpty()) {
			return base.convertCall(cx, call);
		}
		RexNode read = rex.makeCall(operator(cx, reader), value);
		return rex.makeCast(cx.getTypeFactory().createTypeWithNullability(to, true), read, true, false);
	}

	/**
	 * A function with {@code Object} (VARIANT) parameters: dates and timestamps go in as text; an optional argument left
	 * out (the validator's DEFAULT) goes in as NULL.
	 */
	private static RexNode variantArguments(SqlRexContext cx, SqlCall call, SqlUserDefinedFunction function) {
		RelDataTypeFactory types = cx.getTypeFactory();
		List<FunctionParameter> parameters = function.getFunction().getParameters();
		List<RexNode> operands = new ArrayList<>();
		for (int i = 0; i < call.operandCount(); i++) {
			SqlNode operand = call.operand(i);
			RelDataType parameter = parameters.get(i).getType(types);
			if (operand.getKind() == SqlKind.DEFAULT) {
				operands.add(cx.getRexBuilder().makeNullLiteral(types.createTypeWithNullability(parameter, true)));
				continue;
			}
			RexNode value = cx.convertExpression(operand);
			if (isObject(parameter)) {
				if (SqlTypeName.DATETIME_TYPES.contains(value.getType().getSqlTypeName())) {
					value = cx.getRexBuilder().makeCast(types.createTypeWithNullability(
							types.createSqlType(SqlTypeName.VARCHAR), true), value);
				}
			}
			else {
				value = cx.getRexBuilder().ensureType(parameter, value, true);
			}
			operands.add(value);
		}
		RelDataType type = cx.getValidator().getValidatedNodeTypeIfKnown(call);
		if (type == null) {
			type = types.createTypeWithNullability(function.getReturnTypeInference().inferReturnType(
					new org.apache.calcite.rex.RexCallBinding(types, function, operands, List.of())), true);
		}
		return cx.getRexBuilder().makeCall(type, function, operands);
	}

	private static boolean takesVariant(SqlUserDefinedFunction function) {
		return function.getFunction().getParameters().stream().anyMatch(p -> isObject(p.getType(TYPES)));
	}

	private static boolean isObject(RelDataType type) {
		return type.getSqlTypeName() == SqlTypeName.ANY || type.getSqlTypeName() == SqlTypeName.OTHER;
	}

	private static SqlOperator operator(SqlRexContext cx, String name) {
		List<SqlOperator> found = new ArrayList<>();
		cx.getValidator().getOperatorTable().lookupOperatorOverloads(new SqlIdentifier(name, SqlParserPos.ZERO),
				SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
		if (found.isEmpty()) {
			throw new IllegalStateException("No function " + name + " is registered");
		}
		return found.get(0);
	}

}
