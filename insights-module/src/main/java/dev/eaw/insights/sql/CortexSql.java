package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.calcite.linq4j.function.Parameter;
import org.jspecify.annotations.Nullable;

import dev.eaw.insights.ai.AiEngine;
import dev.eaw.insights.ai.ZeroShot;
import dev.eaw.kernel.InvalidInput;

/**
 * The AISQL functions with Snowflake's signatures and OBJECT results: categories and configurations arrive as
 * VARIANTs (a {@link List} from {@code ['a', 'b']} or {@code ARRAY[…]}, a {@link Map} from {@code {'k': v}}, or text
 * holding JSON), results go back as {@link Map}s, which the response shows as JSON objects.
 */
public final class CortexSql {

	private CortexSql() {
	}

	/** AI_SENTIMENT(text [, categories]) → {@code {"categories": [{"name": "overall", "sentiment": …}, …]}}. */
	public static @Nullable Object aiSentiment(@Parameter(name = "text") @Nullable String text,
			@Parameter(name = "categories", optional = true) @Nullable Object categories) {
		return sentimentObject("AI_SENTIMENT", text, categories);
	}

	/** SNOWFLAKE.CORTEX.ENTITY_SENTIMENT(text [, entities]): the same shape as AI_SENTIMENT. */
	public static @Nullable Object entitySentiment(@Parameter(name = "text") @Nullable String text,
			@Parameter(name = "entities", optional = true) @Nullable Object entities) {
		return sentimentObject("ENTITY_SENTIMENT", text, entities);
	}

	private static @Nullable Object sentimentObject(String function, @Nullable String text, @Nullable Object categories) {
		if (text == null) {
			return null;
		}
		List<String> aspects = strings(function, categories);
		if (aspects.size() > 10) {
			throw new InvalidInput(function + " takes at most ten categories, not " + aspects.size() + ".");
		}
		return AiSql.call(function, () -> engine().sentimentCategories(text, aspects),
				json -> object("categories", Variants.parseJson(json)), text, String.join("\u0001", aspects));
	}

	/**
	 * AI_CLASSIFY(input, list_of_categories [, config_object]) → {@code {"labels": […]}}; categories are strings or
	 * {@code {'label': …, 'description': …}} objects (or the older {@code 'a,b,c'} text); the configuration's
	 * {@code output_mode: 'multi'} and {@code examples} are used, {@code task_description} is accepted.
	 */
	public static @Nullable Object aiClassify(@Parameter(name = "input") @Nullable String input,
			@Parameter(name = "list_of_categories") @Nullable Object categories,
			@Parameter(name = "config_object", optional = true) @Nullable Object config) {
		if (input == null || categories == null) {
			return null;
		}
		List<ZeroShot.Category> list = categories(categories);
		Map<?, ?> settings = config == null ? Map.of() : map("AI_CLASSIFY", config);
		String mode = String.valueOf(settings.containsKey("output_mode") ? settings.get("output_mode") : "single");
		if (!List.of("single", "multi").contains(mode.toLowerCase(Locale.ROOT))) {
			throw new InvalidInput("AI_CLASSIFY: output_mode is 'single' or 'multi', not '" + mode + "'.");
		}
		boolean multi = mode.equalsIgnoreCase("multi");
		List<ZeroShot.Example> examples = new ArrayList<>();
		Object given = Variants.container(settings.get("examples"));
		if (given instanceof List<?> items) {
			for (Object item : items) {
				Map<?, ?> example = map("AI_CLASSIFY", item);
				examples.add(new ZeroShot.Example(String.valueOf(example.get("input")),
						strings("AI_CLASSIFY", example.get("labels"))));
			}
		}
		return AiSql.call("AI_CLASSIFY", () -> engine().classifyLabels(input, list, multi, examples),
				json -> object("labels", Variants.parseJson(json)), input, list.toString(), Boolean.toString(multi),
				examples.toString());
	}

	/** CLASSIFY_TEXT(input, list_of_categories) → {@code {"label": …}}, Cortex's older single-label form. */
	public static @Nullable Object classifyText(@Parameter(name = "input") @Nullable String input,
			@Parameter(name = "list_of_categories") @Nullable Object categories) {
		Object result = aiClassify(input, categories, null);
		if (!(result instanceof Map<?, ?> labels) || !(labels.get("labels") instanceof List<?> list) || list.isEmpty()) {
			return null;
		}
		return object("label", list.get(0));
	}

	/**
	 * AI_FILTER(predicate) → BOOLEAN: the predicate is text (PROMPT('… {0} …', a) fills in its text); the LLM judges it
	 * (without one: NULL and a warning naming the setting).
	 */
	public static @Nullable Boolean aiFilter(@Parameter(name = "predicate") @Nullable Object predicate) {
		String statement = promptText(predicate);
		return statement == null ? null : AiSql.call("AI_FILTER", () -> engine().filter(statement), Boolean::valueOf, statement);
	}

	/** PROMPT's {@code {index}} replaced by the argument's text ({@link SnowflakeCalls} chains one call per argument). */
	public static @Nullable String promptFill(@Nullable String template, int index, @Nullable String value) {
		return template == null ? null : template.replace("{" + index + "}", value == null ? "NULL" : value);
	}

	/** A text, or a PROMPT object with its {@code {0}}, {@code {1}}, … replaced by its arguments. */
	static @Nullable String promptText(@Nullable Object value) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		if (value instanceof Map<?, ?> map && map.get("template") instanceof String template
				&& map.get("args") instanceof List<?> args) {
			String text = template;
			for (int i = 0; i < args.size(); i++) {
				Object arg = args.get(i);
				text = text.replace("{" + i + "}", arg instanceof String s ? s : Variants.json(arg));
			}
			return text;
		}
		return Variants.json(value);
	}

	private static List<ZeroShot.Category> categories(Object categories) {
		Object value = categories instanceof String ? categories : Variants.container(categories);
		if (value instanceof String text) {
			return AiEngine.labels(text).stream().map(l -> new ZeroShot.Category(l, "")).toList();
		}
		if (!(value instanceof List<?> items)) {
			throw new InvalidInput("AI_CLASSIFY: the categories are an array of labels or of {'label': …, "
					+ "'description': …} objects, e.g. ['travel', 'cooking'].");
		}
		List<ZeroShot.Category> list = new ArrayList<>();
		for (Object item : items) {
			if (item instanceof Map<?, ?> category) {
				Object label = category.get("label");
				if (label == null) {
					throw new InvalidInput("AI_CLASSIFY: every category object needs a 'label'.");
				}
				Object description = category.get("description");
				list.add(new ZeroShot.Category(label.toString(), description == null ? "" : description.toString()));
			}
			else if (item != null) {
				list.add(new ZeroShot.Category(item.toString(), ""));
			}
		}
		return list.stream().distinct().toList();
	}

	/** An array of strings (or a single string) as a list; NULL is empty. */
	static List<String> strings(String function, @Nullable Object value) {
		Object container = value instanceof String text && !text.strip().startsWith("[") ? value
				: Variants.container(value);
		if (container == null) {
			return List.of();
		}
		if (container instanceof List<?> items) {
			return items.stream().filter(i -> i != null).map(Object::toString).toList();
		}
		if (container instanceof Map) {
			throw new InvalidInput(function + ": expected an array of strings, e.g. ['cost', 'service'].");
		}
		return List.of(container.toString());
	}

	static Map<?, ?> map(String function, Object value) {
		if (Variants.container(value) instanceof Map<?, ?> map) {
			return map;
		}
		throw new InvalidInput(function + ": expected an object, e.g. {'output_mode': 'multi'}.");
	}

	static Map<String, Object> object(String key, @Nullable Object value) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put(key, value);
		return object;
	}

	static AiEngine engine() {
		return QueryContext.required().engine();
	}

}
