package dev.eaw.insights.sql;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Result values as JSON can carry them: numbers, text, booleans, dates as ISO text, arrays as lists, objects as maps. */
final class Cells {

	private Cells() {
	}

	static @Nullable Object value(@Nullable Object value) throws SQLException {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp timestamp) {
			String text = timestamp.toLocalDateTime().toString().replace('T', ' ');
			return text.length() == 16 ? text + ":00" : text;
		}
		if (value instanceof java.sql.Date || value instanceof java.sql.Time) {
			return value.toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal; // as is, with its scale: a NUMERIC(10,2) 48.50 is written 48.50, not 48.5
		}
		if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
			return null;
		}
		if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
			return null;
		}
		if (value instanceof Array array) {
			List<Object> items = new ArrayList<>();
			for (Object item : (Object[]) array.getArray()) {
				items.add(value(item));
			}
			return items;
		}
		if (value instanceof java.util.Map || value instanceof List) {
			return value; // a VARIANT's OBJECT or ARRAY (see Variants): JSON as it is
		}
		if (value instanceof Number || value instanceof Boolean || value instanceof String) {
			return value;
		}
		return value.toString();
	}

}
