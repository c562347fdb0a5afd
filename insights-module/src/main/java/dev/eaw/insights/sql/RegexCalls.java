package dev.eaw.insights.sql;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;

import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Sends the pattern-matching calls of a query to linear-time RE2 code: Calcite evaluates {@code REGEXP_REPLACE},
 * {@code REGEXP_LIKE}, {@code SIMILAR TO} and {@code LIKE} with {@link java.util.regex}, whose backtracking a crafted
 * pattern turns into minutes per row. Right after Calcite parses a query, each such call gets our function
 * ({@code eaw_*}) of the same arity: every regular expression and SIMILAR TO, so these run in Java (not in
 * PostgreSQL); a LIKE or ILIKE only when its pattern is a literal with {@value #LIKE_WILDCARDS} or more {@code %},
 * so ordinary LIKE filters still run in PostgreSQL.
 */
final class RegexCalls {

	/** From this many {@code %}, java.util.regex's backtracking on a LIKE pattern grows as a cube of the text. */
	static final int LIKE_WILDCARDS = 3;

	/** A call, as "sql name/arity", → our function's name and the class and method implementing it. */
	private record Target(String function, Class<?> type, String method) {
	}

	private static final Map<String, Target> TARGETS = Map.ofEntries(
			Map.entry("regexp_replace/3", new Target("eaw_regexp_replace3", SafeRegex.class, "replace")),
			Map.entry("regexp_replace/4", new Target("eaw_regexp_replace4", SafeRegex.class, "replace")),
			Map.entry("regexp_like/2", new Target("eaw_regexp_like2", SafeRegex.class, "like")),
			Map.entry("regexp_like/3", new Target("eaw_regexp_like3", SafeRegex.class, "like")),
			Map.entry("similar to/2", new Target("eaw_similar2", SafeRegex.class, "similar")),
			Map.entry("similar to/3", new Target("eaw_similar3", SafeRegex.class, "similar")),
			Map.entry("not similar to/2", new Target("eaw_not_similar2", SafeRegex.class, "notSimilar")),
			Map.entry("not similar to/3", new Target("eaw_not_similar3", SafeRegex.class, "notSimilar")),
			Map.entry("like/2", new Target("eaw_like2", SafeLike.class, "like")),
			Map.entry("like/3", new Target("eaw_like3", SafeLike.class, "like")),
			Map.entry("not like/2", new Target("eaw_not_like2", SafeLike.class, "notLike")),
			Map.entry("not like/3", new Target("eaw_not_like3", SafeLike.class, "notLike")),
			Map.entry("ilike/2", new Target("eaw_ilike2", SafeLike.class, "ilike")),
			Map.entry("ilike/3", new Target("eaw_ilike3", SafeLike.class, "ilike")),
			Map.entry("not ilike/2", new Target("eaw_not_ilike2", SafeLike.class, "notIlike")),
			Map.entry("not ilike/3", new Target("eaw_not_ilike3", SafeLike.class, "notIlike")));

	private RegexCalls() {
	}

	static void register(SchemaPlus root) {
		TARGETS.forEach((call, target) -> {
			int arity = Integer.parseInt(call.substring(call.indexOf('/') + 1));
			for (Method method : target.type().getMethods()) {
				if (method.getName().equals(target.method()) && method.getParameterCount() == arity) {
					root.add(target.function(), ScalarFunctionImpl.create(method));
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
				Target target = TARGETS.get(name(call) + "/" + call.operandCount());
				if (target != null && call instanceof SqlBasicCall basic && (call.getKind() != SqlKind.LIKE || slow(call))) {
					basic.setOperator(new SqlUnresolvedFunction(new SqlIdentifier(target.function(), SqlParserPos.ZERO),
							null, null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION));
				}
				return super.visit(call);
			}
		});
	}

	private static String name(SqlCall call) {
		if (call.getOperator() instanceof SqlLikeOperator like) {
			String name = call.getKind() == SqlKind.SIMILAR ? "similar to"
					: like.getName().toLowerCase(Locale.ROOT).contains("ilike") ? "ilike" : "like";
			return like.isNegated() ? "not " + name : name;
		}
		return call.getOperator().getName().toLowerCase(Locale.ROOT);
	}

	/** A LIKE whose pattern is a literal with enough {@code %} to backtrack for minutes. */
	private static boolean slow(SqlCall like) {
		return like.operand(1) instanceof SqlCharStringLiteral literal
				&& literal.getValueAs(String.class).chars().filter(c -> c == '%').count() >= LIKE_WILDCARDS;
	}

}
