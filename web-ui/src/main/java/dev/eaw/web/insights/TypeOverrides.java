package dev.eaw.web.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.eaw.insights.Column;
import dev.eaw.insights.ColumnType;
import dev.eaw.insights.CsvLayout;
import dev.eaw.kernel.InvalidInput;

/** Applies {@code name:type,name:type} to an inferred layout, as an API caller's confirmation of the columns. */
final class TypeOverrides {

	private TypeOverrides() {
	}

	static CsvLayout apply(CsvLayout inferred, String overrides) {
		Map<String, ColumnType> wanted = new HashMap<>();
		for (String pair : overrides.split(",")) {
			String[] parts = pair.strip().split(":");
			if (parts.length != 2) {
				throw new InvalidInput("types is a list of column:type, e.g. 'order_date:date,amount:decimal'.");
			}
			try {
				wanted.put(parts[0].strip().toLowerCase(Locale.ROOT), ColumnType.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("'" + parts[1].strip() + "' is not a type: use integer, decimal, boolean, date, timestamp or text.");
			}
		}
		List<Column> columns = new ArrayList<>();
		for (Column column : inferred.columns()) {
			columns.add(new Column(column.name(), wanted.getOrDefault(column.name(), column.type())));
			wanted.remove(column.name());
		}
		if (!wanted.isEmpty()) {
			throw new InvalidInput("No column named " + wanted.keySet() + " in the file.");
		}
		return new CsvLayout(inferred.delimiter(), inferred.header(), columns);
	}

}
