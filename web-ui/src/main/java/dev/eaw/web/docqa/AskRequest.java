package dev.eaw.web.docqa;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.AskOptions;
import dev.eaw.docqa.DocumentFilter;
import dev.eaw.docqa.SearchMode;
import dev.eaw.kernel.InvalidInput;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code …/ask} and {@code …/ask/stream}: {@code question} and {@code conversationId} as before, and the
 * request options of Azure OpenAI On Your Data, by Azure's snake_case names ({@code top_n_documents},
 * {@code strictness}, {@code in_scope}, {@code role_information}, {@code query_type}, {@code filter},
 * {@code include_contexts}; see {@link AskOptions}). A wrong value is a 400 naming the field.
 */
record AskRequest(String question, @Nullable String conversationId, AskOptions options) {

	private static final Set<String> CONTEXTS = Set.of("citations", "intent", "all_retrieved_documents");

	static AskRequest of(@Nullable JsonNode body) {
		if (body == null || !body.isObject() || !body.path("question").isString()) {
			throw new InvalidInput("Send the question as {\"question\": \"…\"}.");
		}
		JsonNode conversation = body.path("conversationId");
		if (!conversation.isMissingNode() && !conversation.isNull() && !conversation.isString()) {
			throw new InvalidInput("conversationId must be text.");
		}
		AskOptions defaults = AskOptions.DEFAULT;
		AskOptions options = new AskOptions(integer(body, "top_n_documents", defaults.topN()),
				integer(body, "strictness", defaults.strictness()), bool(body, "in_scope", defaults.inScope()),
				text(body, "role_information"), queryType(text(body, "query_type")), filter(body.path("filter")),
				contexts(body.path("include_contexts")));
		return new AskRequest(body.path("question").asString(),
				conversation.isString() ? conversation.asString() : null, options);
	}

	private static int integer(JsonNode body, String field, int fallback) {
		JsonNode node = body.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return fallback;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			throw new InvalidInput(field + " must be a whole number.");
		}
		return node.asInt();
	}

	private static boolean bool(JsonNode body, String field, boolean fallback) {
		JsonNode node = body.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return fallback;
		}
		if (!node.isBoolean()) {
			throw new InvalidInput(field + " must be true or false.");
		}
		return node.asBoolean();
	}

	private static @Nullable String text(JsonNode body, String field) {
		JsonNode node = body.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw new InvalidInput(field + " must be text.");
		}
		return node.asString();
	}

	/**
	 * Azure's query types: {@code simple} (BM25), {@code vector} (dense), {@code vector_simple_hybrid} (both fused, the
	 * default); this app's own names {@code bm25}, {@code dense}, {@code hybrid} too. The semantic ones need Azure's
	 * semantic ranker, which there is no counterpart of here: 400.
	 */
	static SearchMode queryType(@Nullable String type) {
		if (type == null) {
			return SearchMode.HYBRID;
		}
		return switch (type.strip().toLowerCase(Locale.ROOT)) {
			case "simple", "bm25" -> SearchMode.BM25;
			case "vector", "dense" -> SearchMode.DENSE;
			case "vector_simple_hybrid", "hybrid" -> SearchMode.HYBRID;
			case "semantic", "vector_semantic_hybrid" -> throw new InvalidInput("query_type '" + type
					+ "' is not supported: there is no semantic ranker here; use simple, vector or vector_simple_hybrid.");
			default -> throw new InvalidInput(
					"query_type must be simple, vector or vector_simple_hybrid, not '" + type + "'.");
		};
	}

	/** {@code include_contexts}: whether {@code all_retrieved_documents} is asked for. */
	private static boolean contexts(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return false;
		}
		if (!node.isArray()) {
			throw new InvalidInput("include_contexts must be a list of citations, intent, all_retrieved_documents.");
		}
		boolean all = false;
		for (JsonNode item : node) {
			if (!item.isString() || !CONTEXTS.contains(item.asString())) {
				throw new InvalidInput("include_contexts may hold citations, intent and all_retrieved_documents, not "
						+ item + ".");
			}
			all |= item.asString().equals("all_retrieved_documents");
		}
		return all;
	}

	/** The filter: an object ({@code documents}, {@code types}, {@code from}, {@code to}, {@code metadata}) or an OData subset. */
	static DocumentFilter filter(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return DocumentFilter.NONE;
		}
		if (node.isString()) {
			return ODataFilter.parse(node.asString());
		}
		if (!node.isObject()) {
			throw new InvalidInput("filter must be an object such as {\"metadata\": {\"department\": \"HR\"}} or an "
					+ "OData filter such as \"metadata/department eq 'HR'\".");
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (!Set.of("documents", "types", "from", "to", "metadata").contains(entry.getKey())) {
				throw new InvalidInput("filter." + entry.getKey()
						+ " is not known; use documents, types, from, to and metadata.");
			}
		}
		List<Long> documents = new ArrayList<>();
		for (JsonNode id : list(node.path("documents"), "filter.documents")) {
			if (!id.isIntegralNumber() || !id.canConvertToLong()) {
				throw new InvalidInput("filter.documents must list document ids (numbers).");
			}
			documents.add(id.asLong());
		}
		List<String> types = new ArrayList<>();
		for (JsonNode type : list(node.path("types"), "filter.types")) {
			if (!type.isString()) {
				throw new InvalidInput("filter.types must list types such as \"pdf\".");
			}
			types.add(type.asString().toLowerCase(Locale.ROOT));
		}
		return new DocumentFilter(documents, types, date(node, "from"), date(node, "to"),
				MetadataParams.of(node.path("metadata"), "filter.metadata"));
	}

	private static JsonNode list(JsonNode node, String field) {
		if (node.isMissingNode() || node.isNull()) {
			return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
		}
		if (!node.isArray()) {
			throw new InvalidInput(field + " must be a list.");
		}
		return node;
	}

	private static @Nullable LocalDate date(JsonNode filter, String field) {
		JsonNode node = filter.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		try {
			return LocalDate.parse(node.asString().strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("filter." + field + " must be an ISO date such as 2026-12-31, not " + node + ".");
		}
	}

}
