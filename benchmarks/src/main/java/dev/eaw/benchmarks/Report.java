package dev.eaw.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/** Prints rows as an aligned table for people, or as one JSON array for tools. */
final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Report() {
	}

	static String json(List<Row> rows) {
		return JSON.writeValueAsString(rows.stream().map(Row::values).toList());
	}

	static String table(String title, List<Row> rows) {
		Set<String> columns = new LinkedHashSet<>();
		rows.forEach(row -> row.values().keySet().stream().filter(k -> !k.equals("default")).forEach(columns::add));
		List<String> header = new ArrayList<>(columns);
		List<List<String>> cells = new ArrayList<>();
		for (Row row : rows) {
			List<String> line = new ArrayList<>();
			for (String column : header) {
				String cell = format(row.values().get(column));
				line.add(column.equals("system") && row.isDefault() ? cell + " *" : cell);
			}
			cells.add(line);
		}
		int[] widths = new int[header.size()];
		for (int c = 0; c < header.size(); c++) {
			widths[c] = header.get(c).length();
			for (List<String> line : cells) {
				widths[c] = Math.max(widths[c], line.get(c).length());
			}
		}
		StringBuilder out = new StringBuilder(title).append('\n');
		appendLine(out, header, widths);
		StringBuilder rule = new StringBuilder();
		for (int width : widths) {
			rule.append("-".repeat(width)).append("  ");
		}
		out.append(rule.toString().stripTrailing()).append('\n');
		cells.forEach(line -> appendLine(out, line, widths));
		if (rows.stream().anyMatch(Row::isDefault)) {
			out.append("* the project's default configuration\n");
		}
		return out.toString();
	}

	private static void appendLine(StringBuilder out, List<String> line, int[] widths) {
		StringBuilder text = new StringBuilder();
		for (int c = 0; c < line.size(); c++) {
			String cell = line.get(c);
			text.append(c == 0 ? pad(cell, widths[c]) : padLeft(cell, widths[c])).append("  ");
		}
		out.append(text.toString().stripTrailing()).append('\n');
	}

	private static String format(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%.4f", d);
		}
		return value.toString();
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

	private static String padLeft(String text, int width) {
		return " ".repeat(width - text.length()) + text;
	}

}
