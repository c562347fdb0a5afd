package dev.eaw.web.docqa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import dev.eaw.kernel.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Document metadata as requests send it: a JSON object of strings ({@code {"department": "HR"}}), or form and query
 * parameters {@code metadata.<key>=<value>} (a form may also send the whole object as a {@code metadata} field).
 * The module checks the keys and values ({@link dev.eaw.docqa.DocumentMetadata}).
 */
final class MetadataParams {

	static final String PREFIX = "metadata.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MetadataParams() {
	}

	/** A JSON object of string values; {@code field} names it in errors. Null or missing is empty. */
	static Map<String, String> of(@Nullable JsonNode node, String field) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			throw new InvalidInput(field + " must be an object of text values, such as {\"department\": \"HR\"}.");
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
				throw new InvalidInput(field + "." + entry.getKey() + " must be a text value.");
			}
			metadata.put(entry.getKey(), value.asString());
		}
		return metadata;
	}

	/** The {@code metadata.<key>} parameters and a {@code metadata} JSON field, each key once. */
	static Map<String, String> of(MultiValueMap<String, String> params) {
		Map<String, String> metadata = new LinkedHashMap<>();
		List<String> whole = params.get("metadata");
		if (whole != null && !whole.isEmpty() && !(whole.size() == 1 && whole.get(0).isBlank())) {
			if (whole.size() > 1) {
				throw new InvalidInput("Send the metadata field once.");
			}
			try {
				metadata.putAll(of(JSON.readTree(whole.get(0)), "metadata"));
			}
			catch (JacksonException ex) {
				throw new InvalidInput("metadata must be a JSON object such as {\"department\": \"HR\"}.");
			}
		}
		params.forEach((name, values) -> {
			if (name.startsWith(PREFIX)) {
				String key = name.substring(PREFIX.length());
				if (values.size() != 1 || metadata.containsKey(key)) {
					throw new InvalidInput(name + " is given more than once.");
				}
				metadata.put(key, values.get(0));
			}
		});
		return metadata;
	}

}
