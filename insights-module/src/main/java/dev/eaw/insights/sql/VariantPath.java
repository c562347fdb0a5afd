package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a Snowflake path as GET_PATH takes it: {@code a.b[0]}, {@code a:b}, {@code "a b".c},
 * {@code ['k'][2]}.
 */
final class VariantPath {

	private VariantPath() {
	}

	static List<String> elements(String path) {
		List<String> elements = new ArrayList<>();
		int i = 0;
		int n = path.length();
		while (i < n) {
			char c = path.charAt(i);
			if (c == '.' || c == ':' || Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '[') {
				int end = path.indexOf(']', i);
				end = end < 0 ? n : end;
				String inside = path.substring(i + 1, end).strip();
				if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')) {
					inside = inside.substring(1, inside.length() - 1);
				}
				elements.add(inside);
				i = end + 1;
			}
			else if (c == '"') {
				int end = path.indexOf('"', i + 1);
				end = end < 0 ? n : end;
				elements.add(path.substring(i + 1, end));
				i = end + 1;
			}
			else {
				int end = i;
				while (end < n && ".:[".indexOf(path.charAt(end)) < 0) {
					end++;
				}
				elements.add(path.substring(i, end).strip());
				i = end;
			}
		}
		return elements;
	}

}
