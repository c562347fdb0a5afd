package dev.eaw.insights.sql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Snowflake's AI aggregate functions as Calcite aggregates ({@code init}, {@code add}, {@code result}): the group's
 * texts are collected and reduced in chunks by the engine when the group is complete.
 */
public final class AiAggregates {

	private AiAggregates() {
	}

	/** A group's texts, and AI_AGG's task. */
	public static final class Group {

		final List<String> texts = new ArrayList<>();

		@Nullable String task;

	}

	/** AI_AGG(expr, task_description) → VARCHAR, through the LLM. */
	public static final class Agg {

		public static Group init() {
			return new Group();
		}

		public static Group add(Group group, @Nullable String text, @Nullable String task) {
			if (text != null) {
				group.texts.add(text);
			}
			if (task != null) {
				group.task = task;
			}
			return group;
		}

		public static @Nullable String result(Group group) {
			String task = group.task;
			if (group.texts.isEmpty() || task == null) {
				return null;
			}
			return AiSql.call("AI_AGG", () -> CortexSql.engine().aggregate(group.texts, task), v -> v,
					String.join("\u0001", group.texts) + "\u0002" + task);
		}

	}

	/** AI_SUMMARIZE_AGG(expr) → VARCHAR: in-process extractive without an LLM. */
	public static final class SummarizeAgg {

		public static Group init() {
			return new Group();
		}

		public static Group add(Group group, @Nullable String text) {
			if (text != null) {
				group.texts.add(text);
			}
			return group;
		}

		public static @Nullable String result(Group group) {
			if (group.texts.isEmpty()) {
				return null;
			}
			return AiSql.call("AI_SUMMARIZE_AGG", () -> CortexSql.engine().summarizeAll(group.texts), v -> v,
					String.join("\u0001", group.texts));
		}

	}

}
