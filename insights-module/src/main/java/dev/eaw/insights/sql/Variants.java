package dev.eaw.insights.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snowflake's VARIANT, OBJECT and ARRAY values as Calcite carries them (type {@code ANY}): a JSON object is a
 * {@link Map}, an array a {@link List}, and scalars are {@link String}, {@link BigDecimal} or {@link Long},
 * {@link Boolean}. JSON {@code null} inside an object or array stays {@code null} there; at the top level it is SQL
 * NULL. Dates and timestamps put into a VARIANT become text, as in Snowflake. A text value that holds a JSON object or
 * array (a CSV column of JSON) is read as that JSON by the path, GET and FLATTEN functions.
 */
public final class Variants {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private Variants() {
	}

	/** PARSE_JSON(text). */
	public static @Nullable Object parseJson(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return JSON.readValue(text, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("PARSE_JSON: the text is not valid JSON" + (ex.getLocation() == null ? "."
					: " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")."));
		}
	}

	/** TRY_PARSE_JSON(text): NULL instead of an error for text that is not JSON. */
	public static @Nullable Object tryParseJson(@Nullable String text) {
		try {
			return parseJson(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** SPLIT(text, separator): the parts as an array. */
	public static @Nullable Object split(@Nullable String text, @Nullable String separator) {
		if (text == null || separator == null) {
			return null;
		}
		List<Object> parts = new ArrayList<>();
		if (separator.isEmpty()) {
			parts.add(text);
			return parts;
		}
		int from = 0;
		for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
			parts.add(text.substring(from, at));
			from = at + separator.length();
		}
		parts.add(text.substring(from));
		return parts;
	}

	/** TO_OBJECT(value) ({@code ::OBJECT}): an object as it is; anything else is an error. */
	public static @Nullable Object toObject(@Nullable Object value) {
		Object container = Variants.container(value);
		if (value != null && !(container instanceof Map)) {
			throw new IllegalArgumentException("Invalid object: the value is not an OBJECT.");
		}
		return container;
	}

	/** The value as JSON text (objects and arrays), or its text (scalars): what {@code ::STRING} gives. */
	public static @Nullable String text(@Nullable Object value) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Map || value instanceof List) {
			return JSON.writeValueAsString(value);
		}
		return String.valueOf(value);
	}

	/** The value as JSON text, also for scalars ({@code "a"} with its quotes). */
	public static String json(@Nullable Object value) {
		return JSON.writeValueAsString(value);
	}

	/** {@code v['key']}, {@code v[0]}, {@code v:key} and GET(v, key): an object's field or an array's element (from 0). */
	public static @Nullable Object get(@Nullable Object value, @Nullable String key) {
		Object container = container(value);
		if (key == null || container == null) {
			return null;
		}
		if (container instanceof Map<?, ?> map) {
			return map.get(key);
		}
		List<?> list = (List<?>) container;
		try {
			int index = new BigDecimal(key.strip()).intValueExact();
			return index >= 0 && index < list.size() ? list.get(index) : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	/** GET_PATH(v, 'a.b[0]'), the function form of the colon path. */
	public static @Nullable Object getPath(@Nullable Object value, @Nullable String path) {
		if (path == null) {
			return null;
		}
		Object current = value;
		for (String element : VariantPath.elements(path)) {
			current = get(current, element);
		}
		return current;
	}

	/** An object or array, from itself or from JSON text; else null. */
	static @Nullable Object container(@Nullable Object value) {
		if (value instanceof Map || value instanceof List) {
			return value;
		}
		if (value instanceof String text) {
			String trimmed = text.strip();
			if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
				return parseJson(trimmed);
			}
		}
		return null;
	}

	// the constructors: OBJECT_CONSTRUCT(k1, v1, …) is objectPut(objectPut(objectNew(), k1, v1), …)

	public static Object objectNew() {
		return new LinkedHashMap<String, Object>();
	}

	/** OBJECT_CONSTRUCT: a NULL value leaves the key out. */
	public static Object objectPut(Object object, @Nullable String key, @Nullable Object value) {
		return key == null || value == null ? object : objectPutKeepNull(object, key, value);
	}

	/** OBJECT_CONSTRUCT_KEEP_NULL: a NULL value is kept as JSON null. */
	public static Object objectPutKeepNull(Object object, @Nullable String key, @Nullable Object value) {
		if (key == null) {
			return object;
		}
		Map<String, Object> copy = new LinkedHashMap<>(asMap(object));
		copy.put(key, value);
		return copy;
	}

	public static Object arrayNew() {
		return new ArrayList<>();
	}

	/** ARRAY_CONSTRUCT: every argument, NULL included, is an element. */
	public static Object arrayAdd(Object array, @Nullable Object value) {
		List<Object> copy = new ArrayList<>((List<?>) array);
		copy.add(value);
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object object) {
		return (Map<String, Object>) object;
	}

	/** ARRAY_SIZE(array): NULL when the value is not an array. */
	public static @Nullable Integer arraySize(@Nullable Object value) {
		return container(value) instanceof List<?> list ? list.size() : null;
	}

	/** ARRAY_CONTAINS(value, array). */
	public static @Nullable Boolean arrayContains(@Nullable Object value, @Nullable Object array) {
		if (!(container(array) instanceof List<?> list)) {
			return null;
		}
		return list.stream().anyMatch(item -> same(item, value));
	}

	/** ARRAY_TO_STRING(array, separator). */
	public static @Nullable String arrayToString(@Nullable Object array, @Nullable String separator) {
		if (!(container(array) instanceof List<?> list) || separator == null) {
			return null;
		}
		return String.join(separator, list.stream().map(item -> item == null ? "" : text(item)).toList());
	}

	/** OBJECT_KEYS(object): its keys as an array. */
	public static @Nullable Object objectKeys(@Nullable Object value) {
		return container(value) instanceof Map<?, ?> map ? new ArrayList<Object>(map.keySet()) : null;
	}

	/** TO_VARIANT(value). */
	public static @Nullable Object toVariant(@Nullable Object value) {
		return value;
	}

	/** TO_ARRAY(value): an array as it is, anything else as an array of one element. */
	public static @Nullable Object toArray(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		Object container = container(value);
		return container instanceof List ? container : new ArrayList<>(List.of(value));
	}

	/** TYPEOF(variant): the name of the type a VARIANT holds. */
	public static @Nullable String typeOf(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Map) {
			return "OBJECT";
		}
		if (value instanceof List) {
			return "ARRAY";
		}
		if (value instanceof String) {
			return "VARCHAR";
		}
		if (value instanceof Boolean) {
			return "BOOLEAN";
		}
		if (value instanceof Double || value instanceof Float) {
			return "DOUBLE";
		}
		return value instanceof BigDecimal decimal && decimal.scale() > 0 ? "DECIMAL" : "INTEGER";
	}

	private static boolean same(@Nullable Object a, @Nullable Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			return VariantCasts.number(x).compareTo(VariantCasts.number(y)) == 0;
		}
		return a == null ? b == null : a.equals(b);
	}

}
