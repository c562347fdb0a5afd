package dev.eaw.insights.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import dev.eaw.kernel.InvalidInput;

/**
 * Maps Snowflake's forms onto Calcite's, on the parse tree (right after Babel parses a query, before validation):
 * item access {@code v['k']}, {@code v[0]} and {@code GET} read VARIANTs from 0 as Snowflake does; the casts
 * {@code ::STRING}, {@code ::NUMBER}, {@code ::TIMESTAMP_NTZ}, {@code ::VARIANT} name Calcite's types;
 * {@code IFF}, {@code NVL}, {@code ZEROIFNULL}, {@code DATE_TRUNC('quarter', d)}, {@code DATEDIFF},
 * {@code TO_DATE(x)} become Calcite's CASE, COALESCE, FLOOR, TIMESTAMPDIFF and CAST; the variadic constructors
 * {@code OBJECT_CONSTRUCT} and {@code ARRAY_CONSTRUCT} become chains of the fixed-arity {@link Variants} functions.
 * The functions themselves are registered in {@link SqlFunctions}.
 */
final class SnowflakeCalls {

	private static final SqlParserPos POS = SqlParserPos.ZERO;

	/** Snowflake's names of date and time parts, as Calcite's time units. */
	private static final Map<String, TimeUnit> PARTS = parts();

	private SnowflakeCalls() {
	}

	private static Map<String, TimeUnit> parts() {
		Map<String, TimeUnit> parts = new HashMap<>();
		BiConsumer<TimeUnit, String> add = (unit, names) -> {
			for (String name : names.split(" ")) {
				parts.put(name, unit);
			}
		};
		add.accept(TimeUnit.YEAR, "year y yy yyy yyyy yr years yrs");
		add.accept(TimeUnit.QUARTER, "quarter q qtr qtrs quarters");
		add.accept(TimeUnit.MONTH, "month mm mon mons months");
		add.accept(TimeUnit.WEEK, "week w wk weekofyear woy wy weeks");
		add.accept(TimeUnit.DAY, "day d dd days dayofmonth");
		add.accept(TimeUnit.HOUR, "hour h hh hr hours hrs");
		add.accept(TimeUnit.MINUTE, "minute m mi min minutes mins");
		add.accept(TimeUnit.SECOND, "second s sec seconds secs");
		return Map.copyOf(parts);
	}

	/** Rewrites every query this thread parses until the returned hook is closed. */
	static Hook.Closeable onThisThread() {
		return Hook.PARSE_TREE.addThread((Object[] parsed) -> rewrite((SqlNode) parsed[1]));
	}

	/** Rewrites the tree in place (its root stays the same node). */
	static void rewrite(SqlNode root) {
		walk(root);
	}

	private static SqlNode walk(SqlNode node) {
		if (node instanceof SqlNodeList list) {
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) != null) {
					list.set(i, walk(list.get(i)));
				}
			}
			return list;
		}
		if (!(node instanceof SqlCall call)) {
			return node;
		}
		List<SqlNode> operands = call.getOperandList();
		for (int i = 0; i < operands.size(); i++) {
			SqlNode operand = operands.get(i);
			if (operand == null) {
				continue;
			}
			SqlNode rewritten = walk(operand);
			if (rewritten != operand) {
				try {
					call.setOperand(i, rewritten);
				}
				catch (UnsupportedOperationException ex) {
					// a clause node that keeps its operands: its expressions sit in node lists, rewritten above
				}
			}
		}
		return call instanceof SqlBasicCall basic ? map(basic) : call;
	}

	private static SqlNode map(SqlBasicCall call) {
		List<SqlNode> args = call.getOperandList();
		if (call.getKind() == SqlKind.ITEM) {
			return function("eaw_get", args.get(0), key(args.get(1)));
		}
		if (call.getKind() == SqlKind.CAST && args.size() == 2 && args.get(1) instanceof SqlDataTypeSpec type) {
			return cast(args.get(0), type);
		}
		if (call.getKind() == SqlKind.DATE_TRUNC && args.size() == 2) {
			TimeUnit part = part(args.get(0));
			return part == TimeUnit.WEEK ? monday(args.get(1)) : floor(args.get(1), part);
		}
		if (call.getKind() == SqlKind.TIMESTAMP_ADD && args.size() == 3) {
			// Calcite's own DATEADD cannot compile a DATE argument: the standard TIMESTAMPADD does the same
			return SqlStdOperatorTable.TIMESTAMP_ADD.createCall(POS, args);
		}
		if (call.getKind() == SqlKind.TIMESTAMP_DIFF && args.size() == 3
				&& call.getOperator().getName().equalsIgnoreCase("DATEDIFF")
				&& args.get(0) instanceof SqlIntervalQualifier unit) {
			// Snowflake counts the part boundaries crossed: DATEDIFF(month, '2024-01-31', '2024-02-01') is 1
			return SqlStdOperatorTable.TIMESTAMP_DIFF.createCall(POS, unit, floor(args.get(1), unit.getUnit()),
					floor(args.get(2), unit.getUnit()));
		}
		String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
		boolean named = args.stream().anyMatch(arg -> arg != null && arg.getKind() == SqlKind.ARGUMENT_ASSIGNMENT);
		if (named) {
			return call;
		}
		return switch (name + "/" + args.size()) {
			case "iff/3" -> new SqlCase(POS, null, SqlNodeList.of(args.get(0)), SqlNodeList.of(args.get(1)), args.get(2));
			case "nvl/2", "ifnull/2" -> SqlStdOperatorTable.COALESCE.createCall(POS, args);
			case "nvl2/3" -> new SqlCase(POS, null,
					SqlNodeList.of(SqlStdOperatorTable.IS_NOT_NULL.createCall(POS, args.get(0))),
					SqlNodeList.of(args.get(1)), args.get(2));
			case "zeroifnull/1" -> SqlStdOperatorTable.COALESCE.createCall(POS, args.get(0), SqlLiteral.createExactNumeric("0", POS));
			case "nullifzero/1" -> SqlStdOperatorTable.NULLIF.createCall(POS, args.get(0), SqlLiteral.createExactNumeric("0", POS));
			case "get/2" -> function("eaw_get", args.get(0), key(args.get(1)));
			// Snowflake's AI_EMBED(model, text) gives an ARRAY; the older one-argument AI_EMBED(text) stays JSON text
			case "ai_embed/2" -> function("eaw_embed_model", args.get(0), args.get(1));
			// Snowflake's AI_COMPLETE(model, prompt); the older one-argument AI_COMPLETE(prompt) uses the default model
			case "ai_complete/2" -> function("complete", args.get(0), args.get(1));
			case "to_date/1", "date/1" -> castTo(args.get(0), SqlTypeName.DATE);
			case "to_timestamp/1", "to_timestamp_ntz/1", "to_timestamp_ltz/1", "to_timestamp_tz/1" ->
				castTo(args.get(0), SqlTypeName.TIMESTAMP);
			case "to_timestamp/2", "to_timestamp_ntz/2", "to_timestamp_ltz/2", "to_timestamp_tz/2" ->
				function("to_timestamp", args.get(0), format(args.get(1)));
			case "to_date/2" -> function("to_date", args.get(0), format(args.get(1)));
			case "to_varchar/1", "to_char/1" -> function("eaw_to_varchar", args.get(0));
			case "to_varchar/2", "to_char/2" -> function("to_char", args.get(0), format(args.get(1)));
			default -> constructor(name, args, call);
		};
	}

	/** OBJECT_CONSTRUCT(k1, v1, …), OBJECT_CONSTRUCT_KEEP_NULL and ARRAY_CONSTRUCT as chains of fixed-arity calls. */
	private static SqlNode constructor(String name, List<SqlNode> args, SqlCall call) {
		switch (name) {
			case "object_construct", "object_construct_keep_null" -> {
				if (args.size() % 2 != 0) {
					throw new InvalidInput(name.toUpperCase(Locale.ROOT) + " takes pairs of keys and values.");
				}
				SqlNode object = function("eaw_object_new");
				String put = name.equals("object_construct") ? "eaw_object_put" : "eaw_object_put_keep_null";
				for (int i = 0; i < args.size(); i += 2) {
					object = function(put, object, castTo(args.get(i), SqlTypeName.VARCHAR), args.get(i + 1));
				}
				return object;
			}
			case "array_construct" -> {
				SqlNode array = function("eaw_array_new");
				for (SqlNode arg : args) {
					array = function("eaw_array_add", array, arg);
				}
				return array;
			}
			case "prompt" -> {
				// PROMPT('… {0} … {1}', a, b): the filled-in text, which is what the AI functions read from it
				SqlNode text = args.isEmpty() ? SqlLiteral.createNull(POS) : args.get(0);
				for (int i = 1; i < args.size(); i++) {
					text = function("eaw_prompt_fill", text, SqlLiteral.createExactNumeric(Integer.toString(i - 1), POS),
							function("eaw_to_varchar", args.get(i)));
				}
				return args.size() == 1 ? castTo(text, SqlTypeName.VARCHAR) : text;
			}
			default -> {
				return call;
			}
		}
	}

	/** {@code x::STRING} and {@code CAST(x AS NUMBER)}: Snowflake's type names as Calcite's types. */
	private static SqlNode cast(SqlNode value, SqlDataTypeSpec type) {
		String name = type.getTypeName().getSimple().toLowerCase(Locale.ROOT);
		return switch (name) {
			case "string", "text", "varchar", "char", "character", "nvarchar", "nchar" ->
				type.getTypeNameSpec() instanceof SqlBasicTypeNameSpec ? SqlStdOperatorTable.CAST.createCall(POS, value, type)
						: castTo(value, SqlTypeName.VARCHAR);
			case "number", "numeric", "decimal", "dec" -> type.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
					&& basic.getPrecision() >= 0 ? SqlStdOperatorTable.CAST.createCall(POS, value, type)
							: SqlStdOperatorTable.CAST.createCall(POS, value, new SqlDataTypeSpec(
									new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, 19, 0, POS), POS));
			case "byteint" -> castTo(value, SqlTypeName.TINYINT);
			case "float", "float4", "float8", "double", "real" -> castTo(value, SqlTypeName.DOUBLE);
			case "timestamp_ntz", "timestamp_ltz", "timestamp_tz", "datetime" -> castTo(value, SqlTypeName.TIMESTAMP);
			case "variant" -> function("to_variant", value);
			case "object" -> function("eaw_to_object", value);
			case "array" -> function("to_array", value);
			default -> SqlStdOperatorTable.CAST.createCall(POS, value, type);
		};
	}

	private static SqlNode castTo(SqlNode value, SqlTypeName type) {
		return SqlStdOperatorTable.CAST.createCall(POS, value,
				new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, POS), POS));
	}

	/** A format such as {@code 'mm/dd/yyyy'}: Snowflake's format elements are case-insensitive, Calcite's upper case. */
	private static SqlNode format(SqlNode format) {
		return format instanceof SqlCharStringLiteral literal
				? SqlLiteral.createCharString(literal.getValueAs(String.class).toUpperCase(Locale.ROOT), POS) : format;
	}

	/** An index or key as the text GET takes: {@code 0} → {@code '0'}. */
	private static SqlNode key(SqlNode key) {
		if (key instanceof SqlNumericLiteral number) {
			return SqlLiteral.createCharString(number.toValue(), POS);
		}
		return key instanceof SqlCharStringLiteral ? key : castTo(key, SqlTypeName.VARCHAR);
	}

	private static TimeUnit part(SqlNode part) {
		String name = part instanceof SqlCharStringLiteral literal ? literal.getValueAs(String.class)
				: part instanceof SqlIntervalQualifier qualifier ? qualifier.getUnit().name() : part.toString();
		TimeUnit unit = PARTS.get(name.strip().toLowerCase(Locale.ROOT));
		if (unit == null) {
			throw new InvalidInput("DATE_TRUNC: '" + name + "' is not a date or time part (year, quarter, month, week, "
					+ "day, hour, minute, second).");
		}
		return unit;
	}

	/**
	 * The Monday that starts d's week, as Snowflake's weeks start (WEEK_START 0): d's day minus its ISO day of the week
	 * plus one, so that Java and PostgreSQL agree (Calcite's own week floor starts on Sunday, PostgreSQL's on Monday).
	 */
	private static SqlNode monday(SqlNode value) {
		SqlNode isoDay = SqlStdOperatorTable.EXTRACT.createCall(POS, new SqlIntervalQualifier(TimeUnit.ISODOW, null, POS),
				value);
		SqlNode back = SqlStdOperatorTable.MINUS.createCall(POS, SqlLiteral.createExactNumeric("1", POS), isoDay);
		return SqlStdOperatorTable.TIMESTAMP_ADD.createCall(POS, new SqlIntervalQualifier(TimeUnit.DAY, null, POS), back,
				floor(value, TimeUnit.DAY));
	}

	private static SqlNode floor(SqlNode value, TimeUnit unit) {
		return SqlStdOperatorTable.FLOOR.createCall(POS, value, new SqlIntervalQualifier(unit, null, POS));
	}

	private static SqlNode function(String name, SqlNode... args) {
		return new SqlUnresolvedFunction(new SqlIdentifier(name, POS), null, null, null, null,
				SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(POS, args);
	}

}
