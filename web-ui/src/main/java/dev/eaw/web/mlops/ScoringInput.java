package dev.eaw.web.mlops;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.eaw.kernel.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of an MLflow scoring request: {@code dataframe_split} (columns and data), {@code dataframe_records} or
 * {@code instances} (a list of objects), or {@code inputs} (columnar: column → values, or a list of objects). JSON's
 * non-standard {@code NaN} and {@code Infinity} are read, so that validation can name the cell that has them.
 */
final class ScoringInput {

	private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

	private static final String FORMATS = "Send {\"dataframe_split\": {\"columns\": [...], \"data\": [[...]]}}, "
			+ "{\"dataframe_records\": [{...}]}, {\"instances\": [{...}]} or {\"inputs\": {\"column\": [...]}}.";

	private ScoringInput() {
	}

	static List<Map<String, Object>> rows(InputStream body) {
		Object parsed;
		try {
			parsed = JSON.readValue(body, Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidInput("The body is not valid JSON: " + ex.getOriginalMessage() + " " + FORMATS);
		}
		if (!(parsed instanceof Map<?, ?> request)) {
			throw new InvalidInput("The body must be a JSON object. " + FORMATS);
		}
		if (request.containsKey("dataframe_split")) {
			return split(request.get("dataframe_split"));
		}
		if (request.containsKey("dataframe_records")) {
			return records(request.get("dataframe_records"), "dataframe_records");
		}
		if (request.containsKey("instances")) {
			return records(request.get("instances"), "instances");
		}
		if (request.containsKey("inputs")) {
			Object inputs = request.get("inputs");
			return inputs instanceof Map<?, ?> columns ? columnar(columns) : records(inputs, "inputs");
		}
		throw new InvalidInput("The body has none of dataframe_split, dataframe_records, instances or inputs. " + FORMATS);
	}

	static void write(OutputStream out, Object value) {
		JSON.writeValue(out, value);
	}

	private static List<Map<String, Object>> split(Object value) {
		if (!(value instanceof Map<?, ?> split) || !(split.get("columns") instanceof List<?> columns)
				|| !(split.get("data") instanceof List<?> data)) {
			throw new InvalidInput("'dataframe_split' needs 'columns' (a list of names) and 'data' (a list of rows).");
		}
		List<Map<String, Object>> rows = new ArrayList<>(data.size());
		for (int r = 0; r < data.size(); r++) {
			if (!(data.get(r) instanceof List<?> cells) || cells.size() != columns.size()) {
				throw new InvalidInput("Row " + (r + 1) + " of 'dataframe_split' must be a list of " + columns.size()
						+ " values, one per column.");
			}
			Map<String, Object> row = new LinkedHashMap<>();
			for (int c = 0; c < columns.size(); c++) {
				row.put(String.valueOf(columns.get(c)), cells.get(c));
			}
			rows.add(row);
		}
		return rows;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> records(Object value, String format) {
		if (!(value instanceof List<?> list)) {
			throw new InvalidInput("'" + format + "' must be a list of row objects.");
		}
		for (int r = 0; r < list.size(); r++) {
			if (!(list.get(r) instanceof Map)) {
				throw new InvalidInput("Row " + (r + 1) + " of '" + format + "' must be an object of column values.");
			}
		}
		return (List<Map<String, Object>>) list;
	}

	private static List<Map<String, Object>> columnar(Map<?, ?> columns) {
		int size = -1;
		for (Map.Entry<?, ?> column : columns.entrySet()) {
			if (!(column.getValue() instanceof List<?> values)) {
				throw new InvalidInput("Column '" + column.getKey() + "' of 'inputs' must be a list of values.");
			}
			if (size >= 0 && values.size() != size) {
				throw new InvalidInput("Column '" + column.getKey() + "' of 'inputs' has " + values.size()
						+ " values, the others " + size + ".");
			}
			size = values.size();
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int r = 0; r < Math.max(size, 0); r++) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (Map.Entry<?, ?> column : columns.entrySet()) {
				row.put(String.valueOf(column.getKey()), ((List<?>) column.getValue()).get(r));
			}
			rows.add(row);
		}
		return rows;
	}

}
