package dev.eaw.web.docqa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.eaw.docqa.DocumentFilter;
import dev.eaw.kernel.InvalidInput;

/**
 * The small subset of Azure AI Search's OData filter syntax that {@code filter} takes as a string: comparisons
 * {@code metadata/<key> eq '<value>'}, {@code type eq '<type>'} and {@code document eq <id>} joined by {@code and}
 * (quotes doubled inside a value). Anything else ({@code or}, {@code ne}, {@code search.in}, other fields) is a 400.
 */
final class ODataFilter {

	private static final int MAX = 2000;

	private static final Pattern CLAUSE = Pattern.compile(
			"\\G\\s*(metadata/[A-Za-z0-9_.-]{1,64}|type|document)\\s+eq\\s+('(?:[^']|'')*'|\\d{1,18})\\s*(and\\b|$)",
			Pattern.CASE_INSENSITIVE);

	private ODataFilter() {
	}

	static DocumentFilter parse(String odata) {
		String text = odata.strip();
		if (text.length() > MAX) {
			throw new InvalidInput("filter has at most " + MAX + " characters.");
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		List<String> types = new ArrayList<>();
		List<Long> documents = new ArrayList<>();
		Matcher matcher = CLAUSE.matcher(text);
		int end = 0;
		boolean more = true;
		while (more && end < text.length() && matcher.find()) {
			String field = matcher.group(1);
			String value = matcher.group(2);
			boolean quoted = value.startsWith("'");
			String unquoted = quoted ? value.substring(1, value.length() - 1).replace("''", "'") : value;
			if (field.regionMatches(true, 0, "metadata/", 0, 9) && quoted) {
				metadata.put(field.substring(9), unquoted);
			}
			else if (field.equalsIgnoreCase("type") && quoted) {
				types.add(unquoted.toLowerCase(java.util.Locale.ROOT));
			}
			else if (field.equalsIgnoreCase("document") && !quoted) {
				documents.add(Long.parseLong(unquoted));
			}
			else {
				throw unsupported();
			}
			end = matcher.end();
			more = !matcher.group(3).isEmpty();
		}
		if (text.isEmpty() || end != text.length() || more) {
			throw unsupported();
		}
		return new DocumentFilter(documents, types, null, null, metadata);
	}

	private static InvalidInput unsupported() {
		return new InvalidInput("filter: only \"metadata/<key> eq '<value>'\", \"type eq '<type>'\" and "
				+ "\"document eq <id>\" joined by 'and' are supported, or a filter object such as "
				+ "{\"metadata\": {\"department\": \"HR\"}}.");
	}

}
