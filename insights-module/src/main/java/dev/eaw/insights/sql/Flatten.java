package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;

/**
 * Snowflake's FLATTEN table function: {@code TABLE(FLATTEN(INPUT => v [, PATH => 'a.b'] [, OUTER => TRUE]
 * [, RECURSIVE => TRUE] [, MODE => 'OBJECT' | 'ARRAY' | 'BOTH']))}, also as {@code LATERAL FLATTEN(…)}, one row per
 * element with the columns SEQ, KEY, PATH, INDEX, VALUE, THIS.
 */
public final class Flatten extends AbstractTable implements ScannableTable {

	private final @Nullable Object input;

	private final String path;

	private final boolean outer;

	private final boolean recursive;

	private final String mode;

	private Flatten(@Nullable Object input, String path, boolean outer, boolean recursive, String mode) {
		this.input = input;
		this.path = path;
		this.outer = outer;
		this.recursive = recursive;
		this.mode = mode;
	}

	public static ScannableTable flatten(@Parameter(name = "input") @Nullable Object input,
			@Parameter(name = "path", optional = true) @Nullable String path,
			@Parameter(name = "outer", optional = true) @Nullable Boolean outer,
			@Parameter(name = "recursive", optional = true) @Nullable Boolean recursive,
			@Parameter(name = "mode", optional = true) @Nullable String mode) {
		String kind = mode == null ? "BOTH" : mode.strip().toUpperCase(Locale.ROOT);
		if (!List.of("BOTH", "OBJECT", "ARRAY").contains(kind)) {
			throw new InvalidInput("FLATTEN: MODE is 'OBJECT', 'ARRAY' or 'BOTH', not '" + mode + "'.");
		}
		return new Flatten(input, path == null ? "" : path, Boolean.TRUE.equals(outer), Boolean.TRUE.equals(recursive),
				kind);
	}

	@Override
	public RelDataType getRowType(RelDataTypeFactory types) {
		return types.builder()
			.add("seq", SqlTypeName.BIGINT).nullable(true)
			.add("key", SqlTypeName.VARCHAR).nullable(true)
			.add("path", SqlTypeName.VARCHAR).nullable(true)
			.add("index", SqlTypeName.INTEGER).nullable(true)
			.add("value", SqlTypeName.ANY).nullable(true)
			.add("this", SqlTypeName.ANY).nullable(true)
			.build();
	}

	@Override
	public Enumerable<Object[]> scan(DataContext root) {
		QueryContext context = QueryContext.current();
		long seq = context == null ? 1 : context.nextSequence();
		Object start = path.isEmpty() ? Variants.container(input) : Variants.container(Variants.getPath(input, path));
		List<Object[]> rows = new ArrayList<>();
		if (start != null) {
			expand(seq, start, path, rows);
		}
		if (rows.isEmpty() && outer) {
			rows.add(new Object[] { seq, null, path, null, null, start });
		}
		return Linq4j.asEnumerable(rows);
	}

	private void expand(long seq, Object container, String prefix, List<Object[]> rows) {
		QueryContext.checkCurrent();
		if (container instanceof Map<?, ?> map && !mode.equals("ARRAY")) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				String at = prefix.isEmpty() ? key : prefix + "." + key;
				rows.add(new Object[] { seq, key, at, null, entry.getValue(), container });
				descend(seq, entry.getValue(), at, rows);
			}
		}
		else if (container instanceof List<?> list && !mode.equals("OBJECT")) {
			for (int i = 0; i < list.size(); i++) {
				String at = prefix + "[" + i + "]";
				rows.add(new Object[] { seq, null, at, i, list.get(i), container });
				descend(seq, list.get(i), at, rows);
			}
		}
	}

	private void descend(long seq, @Nullable Object value, String at, List<Object[]> rows) {
		if (recursive && (value instanceof Map || value instanceof List)) {
			expand(seq, value, at, rows);
		}
	}

}
