package dev.eaw.web.insights;

import java.util.List;
import java.util.stream.Collectors;

import dev.eaw.insights.QueryResult;
import dev.eaw.insights.ResultColumn;

/** A query result as RFC 4180 CSV with a header line. */
final class CsvExport {

	private CsvExport() {
	}

	static String of(QueryResult result) {
		StringBuilder csv = new StringBuilder();
		csv.append(result.columns().stream().map(ResultColumn::name).map(CsvExport::cell).collect(Collectors.joining(",")))
			.append("\r\n");
		for (List<Object> row : result.rows()) {
			csv.append(row.stream().map(v -> v == null ? "" : cell(String.valueOf(v))).collect(Collectors.joining(",")))
				.append("\r\n");
		}
		return csv.toString();
	}

	private static String cell(String value) {
		boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
		return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}
