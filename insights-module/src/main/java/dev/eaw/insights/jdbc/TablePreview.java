package dev.eaw.insights.jdbc;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.insights.Column;
import dev.eaw.insights.ColumnStats;
import dev.eaw.insights.ColumnType;
import dev.eaw.insights.Dataset;
import dev.eaw.insights.csv.Identifiers;

/** The first rows of a dataset table and per-column statistics, computed by PostgreSQL in one pass. */
class TablePreview {

	private final JdbcClient jdbc;

	TablePreview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<List<Object>> rows(Dataset dataset, int limit) {
		return jdbc.sql("SELECT * FROM insights_data." + Identifiers.quote(dataset.name()) + " LIMIT " + limit)
			.query((rs, n) -> {
				ResultSetMetaData meta = rs.getMetaData();
				List<Object> row = new ArrayList<>();
				for (int c = 1; c <= meta.getColumnCount(); c++) {
					Object value = rs.getObject(c);
					row.add(value instanceof java.sql.Timestamp || value instanceof java.sql.Date ? value.toString() : value);
				}
				return row;
			})
			.list();
	}

	/** Rows in physical (load) order: datasets are never updated, so that order is stable. */
	List<@Nullable Object[]> all(Dataset dataset, int limit) {
		return jdbc.sql("SELECT * FROM insights_data." + Identifiers.quote(dataset.name()) + " ORDER BY ctid LIMIT "
				+ Math.max(0, limit))
			.query((rs, n) -> {
				@Nullable Object[] row = new Object[dataset.columns().size()];
				for (int c = 0; c < row.length; c++) {
					Object value = rs.getObject(c + 1);
					row[c] = value instanceof java.sql.Timestamp || value instanceof java.sql.Date ? value.toString()
							: value instanceof Integer i ? Long.valueOf(i) : value;
				}
				return row;
			})
			.list();
	}

	List<ColumnStats> stats(Dataset dataset) {
		if (dataset.columns().isEmpty()) {
			return List.of();
		}
		String select = dataset.columns().stream().map(TablePreview::aggregates).collect(Collectors.joining(", "));
		return jdbc.sql("SELECT " + select + " FROM insights_data." + Identifiers.quote(dataset.name()))
			.query((rs, n) -> {
				List<ColumnStats> stats = new ArrayList<>();
				int i = 1;
				for (Column column : dataset.columns()) {
					long nonNull = rs.getLong(i++);
					long distinct = rs.getLong(i++);
					String min = rs.getString(i++);
					String max = rs.getString(i++);
					double mean = rs.getDouble(i++);
					boolean hasMean = !rs.wasNull();
					stats.add(new ColumnStats(column.name(), column.type(), nonNull, distinct, min, max,
							hasMean ? mean : null));
				}
				return stats;
			})
			.single();
	}

	private static String aggregates(Column column) {
		String c = Identifiers.quote(column.name());
		boolean numeric = column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL;
		boolean ordered = column.type() != ColumnType.BOOLEAN;
		return "count(" + c + "), count(DISTINCT " + c + "), "
				+ (ordered ? "left(min(" + c + ")::text, 60), left(max(" + c + ")::text, 60), " : "NULL::text, NULL::text, ")
				+ (numeric ? "avg(" + c + ")::double precision" : "NULL::double precision");
	}

}
