package dev.eaw.insights.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;
import dev.eaw.kernel.InvalidInput;

/**
 * The rows of an INPUT_DATA query grouped into series: times, target values, labels and the other columns
 * (exogenous features), checked against the column names the statement gave.
 */
record MlData(Map<String, Series> series, List<String> exogenous, long rows) {

	record Series(List<LocalDateTime> ts, double[] y, boolean[] label, Map<String, List<Object>> extra) {
	}

	/** @param target the target column, or null when the rows only carry future times (and exogenous values) */
	static MlData of(QueryResult input, String what, String timestamp, @Nullable String target, @Nullable String seriesColumn,
			@Nullable String labelColumn) {
		if (input.truncated()) {
			throw new InvalidInput(what + ": the INPUT_DATA has more than " + input.rowCount()
					+ " rows, the most a query returns; aggregate or filter it.");
		}
		List<String> names = input.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
		int ts = column(names, timestamp, "TIMESTAMP_COLNAME", what, input.columns());
		int y = target == null ? -1 : column(names, target, "TARGET_COLNAME", what, input.columns());
		int s = seriesColumn == null || seriesColumn.isBlank() ? -1
				: column(names, seriesColumn, "SERIES_COLNAME", what, input.columns());
		int label = labelColumn == null || labelColumn.isBlank() ? -1
				: column(names, labelColumn, "LABEL_COLNAME", what, input.columns());
		Set<Integer> used = new java.util.HashSet<>(List.of(ts, y, s, label));
		List<String> exogenous = new ArrayList<>();
		for (int c = 0; c < names.size(); c++) {
			if (!used.contains(c)) {
				exogenous.add(names.get(c));
			}
		}
		Map<String, List<Object[]>> grouped = new LinkedHashMap<>();
		for (List<Object> row : input.rows()) {
			if (row.get(ts) == null) {
				continue;
			}
			String key = s < 0 ? "" : String.valueOf(row.get(s));
			grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(row.toArray());
		}
		if (grouped.isEmpty()) {
			throw new InvalidInput(what + ": the INPUT_DATA has no rows with a " + timestamp + ".");
		}
		Map<String, Series> series = new LinkedHashMap<>();
		grouped.forEach((key, rows) -> {
			rows.sort((a, b) -> time(a[ts], timestamp).compareTo(time(b[ts], timestamp)));
			List<LocalDateTime> times = new ArrayList<>();
			double[] values = new double[rows.size()];
			boolean[] labels = new boolean[rows.size()];
			Map<String, List<Object>> extra = new LinkedHashMap<>();
			for (int i = 0; i < rows.size(); i++) {
				Object[] row = rows.get(i);
				times.add(time(row[ts], timestamp));
				values[i] = y < 0 ? Double.NaN : number(row[y], target);
				labels[i] = label >= 0 && Boolean.TRUE.equals(row[label]);
				for (String column : exogenous) {
					extra.computeIfAbsent(column, k -> new ArrayList<>()).add(row[names.indexOf(column)]);
				}
			}
			series.put(key, new Series(times, values, labels, extra));
		});
		return new MlData(series, exogenous, input.rowCount());
	}

	private static int column(List<String> names, String name, String argument, String what, List<ResultColumn> columns) {
		int index = names.indexOf(name.toLowerCase(Locale.ROOT));
		if (index < 0) {
			throw new InvalidInput(what + ": " + argument + " '" + name + "' is not a column of the INPUT_DATA (its columns: "
					+ String.join(", ", names) + ").");
		}
		return index;
	}

	static LocalDateTime time(Object value, String column) {
		String text = String.valueOf(value);
		try {
			return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
		}
		catch (RuntimeException ex) {
			throw new InvalidInput("'" + column + "' is not a date or timestamp column (found '" + text + "').");
		}
	}

	private static double number(@Nullable Object value, @Nullable String column) {
		if (value == null) {
			return Double.NaN;
		}
		if (!(value instanceof Number number)) {
			throw new InvalidInput("'" + column + "' is not a numeric column (found '" + value + "').");
		}
		return number.doubleValue();
	}

}
