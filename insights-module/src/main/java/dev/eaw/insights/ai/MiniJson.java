package dev.eaw.insights.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the project's own model files (objects, arrays, strings without escapes beyond
 * {@code \"} and {@code \\}, numbers, booleans, null), so that loading weights needs no JSON library on the module's
 * classpath. Objects become {@link Map}s, arrays {@link List}s, numbers {@link Double}s.
 */
final class MiniJson {

	private final String text;

	private int at;

	private MiniJson(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		MiniJson parser = new MiniJson(text);
		Object value = parser.value();
		parser.skipSpace();
		if (parser.at != text.length()) {
			throw parser.error("trailing characters");
		}
		return value;
	}

	private Object value() {
		skipSpace();
		if (at >= text.length()) {
			throw error("unexpected end");
		}
		char c = text.charAt(at);
		if (c == '{') {
			return object();
		}
		if (c == '[') {
			return array();
		}
		if (c == '"') {
			return string();
		}
		for (String word : List.of("true", "false", "null")) {
			if (text.startsWith(word, at)) {
				at += word.length();
				return word.equals("null") ? null : Boolean.valueOf(word);
			}
		}
		int start = at;
		while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
			at++;
		}
		if (start == at) {
			throw error("unexpected '" + c + "'");
		}
		return Double.parseDouble(text.substring(start, at));
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		at++;
		skipSpace();
		if (peek() == '}') {
			at++;
			return map;
		}
		while (true) {
			skipSpace();
			String key = string();
			skipSpace();
			expect(':');
			map.put(key, value());
			skipSpace();
			if (peek() == ',') {
				at++;
				continue;
			}
			expect('}');
			return map;
		}
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		at++;
		skipSpace();
		if (peek() == ']') {
			at++;
			return list;
		}
		while (true) {
			list.add(value());
			skipSpace();
			if (peek() == ',') {
				at++;
				continue;
			}
			expect(']');
			return list;
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (at < text.length() && text.charAt(at) != '"') {
			char c = text.charAt(at++);
			if (c == '\\' && at < text.length()) {
				c = text.charAt(at++);
			}
			out.append(c);
		}
		expect('"');
		return out.toString();
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("expected '" + c + "'");
		}
		at++;
	}

	private char peek() {
		return at < text.length() ? text.charAt(at) : '\0';
	}

	private void skipSpace() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException("Invalid JSON at " + at + ": " + message);
	}

}
