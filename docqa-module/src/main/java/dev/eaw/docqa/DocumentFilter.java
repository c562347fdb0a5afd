package dev.eaw.docqa;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;

/**
 * Which documents a search or an answer may draw on: any of the listed document ids and any of the listed types (empty
 * lists allow all), uploaded from and to a date (inclusive, UTC), and carrying every listed metadata key with exactly
 * that value. The documents are looked up in PostgreSQL and the index searched among their ids only, so the filter
 * works the same for every index store.
 */
public record DocumentFilter(List<Long> documents, List<String> types, @Nullable LocalDate from,
		@Nullable LocalDate to, Map<String, String> metadata) {

	/** Every ready document of the collection. */
	public static final DocumentFilter NONE = new DocumentFilter(List.of(), List.of(), null, null, Map.of());

	public DocumentFilter {
		documents = List.copyOf(documents);
		types = types.stream().filter(t -> !t.isBlank()).map(String::strip).toList();
		metadata = Map.copyOf(metadata);
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInput("The date 'from' (" + from + ") lies after 'to' (" + to + ").");
		}
		if (documents.size() > 1000 || types.size() > 20) {
			throw new InvalidInput("A filter lists at most 1000 documents and 20 types.");
		}
		DocumentMetadata.check(metadata);
	}

	/** One document (or any when null) and one type (or any when null or blank), as the search API takes them. */
	public static DocumentFilter of(@Nullable Long document, @Nullable String type, @Nullable LocalDate from,
			@Nullable LocalDate to, Map<String, String> metadata) {
		return new DocumentFilter(document == null ? List.of() : List.of(document),
				type == null ? List.of() : List.of(type), from, to, metadata);
	}

}
