package dev.eaw.docqa;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.eaw.kernel.InvalidInput;

/** Which retrievers answer a search: BM25 over the text, the dense vectors, or both fused. */
public enum SearchMode {

	HYBRID, BM25, DENSE;

	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static SearchMode of(String key) {
		for (SearchMode mode : values()) {
			if (mode.key().equalsIgnoreCase(key.trim())) {
				return mode;
			}
		}
		throw new InvalidInput("Unknown search mode '" + key + "'; use hybrid, bm25 or dense.");
	}

}
