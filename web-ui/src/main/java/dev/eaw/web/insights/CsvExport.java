package dev.eaw.web.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query result as RFC 4180 CSV with a header line. A text cell (or column name) that a spreadsheet would read as a
 * formula, one starting with {@code = + - @}, a tab or a carriage return, gets a leading {@code '} as OWASP's CSV
 * injection advice says; numbers stay numbers, so {@code -5} is still {@code -5}. OBJECT and ARRAY values are their
 * JSON text.
 */
final class CsvExport {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CsvExport() {
	}

	static String of(QueryResult result) {
		StringBuilder csv = new StringBuilder();
		csv.append(result.columns().stream().map(ResultColumn::name).map(CsvExport::text).collect(Collectors.joining(",")))
			.append("\r\n");
		for (List<Object> row : result.rows()) {
			csv.append(row.stream().map(CsvExport::value).collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	private static String value(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Map || value instanceof List) {
			return text(JSON.writeValueAsString(value)); // a VARIANT's OBJECT or ARRAY, as Snowflake exports it
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString(); // with its scale (48.50) and never in E notation
		}
		return value instanceof Number || value instanceof Boolean ? String.valueOf(value) : text(String.valueOf(value));
	}

	private static String text(String value) {
		String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
