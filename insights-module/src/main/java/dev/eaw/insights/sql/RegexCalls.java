package dev.eaw.insights.sql;

import java.util.Locale;
import java.util.Map;

import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Sends the regular-expression calls of a query to {@link SafeRegex}: Calcite's own {@code REGEXP_REPLACE},
 * {@code REGEXP_LIKE} and {@code SIMILAR TO} use {@link java.util.regex}, whose backtracking a crafted pattern turns
 * into minutes per row. Right after Calcite parses a query, each such call gets our function of the same arity, so
 * these calls run in Java (not in PostgreSQL) and in linear time. The functions are registered as {@code eaw_regex_*}.
 */
final class RegexCalls {

	/** SQL name in lower case + arity → our function's name and {@link SafeRegex} method. */
	private static final Map<String, String[]> FUNCTIONS = Map.of(
			"regexp_replace/3", new String[] { "eaw_regex_replace3", "replace" },
			"regexp_replace/4", new String[] { "eaw_regex_replace4", "replace" },
			"regexp_like/2", new String[] { "eaw_regex_like2", "like" },
			"regexp_like/3", new String[] { "eaw_regex_like3", "like" },
			"similar to/2", new String[] { "eaw_regex_similar2", "similar" },
			"similar to/3", new String[] { "eaw_regex_similar3", "similar" },
			"not similar to/2", new String[] { "eaw_regex_not_similar2", "notSimilar" },
			"not similar to/3", new String[] { "eaw_regex_not_similar3", "notSimilar" });

	private RegexCalls() {
	}

	static void register(SchemaPlus root) {
		FUNCTIONS.forEach((call, function) -> {
			int arity = Integer.parseInt(call.substring(call.indexOf('/') + 1));
			for (java.lang.reflect.Method method : SafeRegex.class.getMethods()) {
				if (method.getName().equals(function[1]) && method.getParameterCount() == arity) {
					root.add(function[0], ScalarFunctionImpl.create(method));
				}
			}
		});
	}

	/** Rewrites every query this thread parses until the returned hook is closed. */
	static Hook.Closeable onThisThread() {
		return Hook.PARSE_TREE.addThread((Object[] parsed) -> rewrite((SqlNode) parsed[1]));
	}

	static void rewrite(SqlNode query) {
		query.accept(new SqlBasicVisitor<Void>() {
			@Override
			public Void visit(SqlCall call) {
				String[] function = FUNCTIONS.get(name(call) + "/" + call.operandCount());
				if (function != null && call instanceof SqlBasicCall basic) {
					basic.setOperator(new SqlUnresolvedFunction(new SqlIdentifier(function[0], SqlParserPos.ZERO), null,
							null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION));
				}
				return super.visit(call);
			}
		});
	}

	private static String name(SqlCall call) {
		if (call.getKind() == SqlKind.SIMILAR && call.getOperator() instanceof SqlLikeOperator like) {
			return like.isNegated() ? "not similar to" : "similar to";
		}
		return call.getOperator().getName().toLowerCase(Locale.ROOT);
	}

}
