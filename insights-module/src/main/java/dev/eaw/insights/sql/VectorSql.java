package dev.eaw.insights.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.calcite.linq4j.function.Parameter;
import org.jspecify.annotations.Nullable;

import dev.eaw.insights.ai.Redactor;
import dev.eaw.insights.ai.TextSplitter;
import dev.eaw.kernel.InvalidInput;

/**
 * Snowflake's vector functions over ARRAYs of numbers (a VECTOR here is an ARRAY of floats), AI_EMBED(model, text)
 * with Snowflake's embedding model names mapped to the in-process embedder, AI_REDACT by patterns and
 * SPLIT_TEXT_RECURSIVE_CHARACTER.
 */
public final class VectorSql {

	/** Snowflake's embedding models; every one is answered by the in-process embedder (bge-small-en-v1.5, 384). */
	static final Set<String> EMBEDDING_MODELS = Set.of("snowflake-arctic-embed-m", "snowflake-arctic-embed-m-v1.5",
			"snowflake-arctic-embed-m-v2.0", "snowflake-arctic-embed-l-v2.0", "snowflake-arctic-embed-l-v2.0-8k",
			"e5-base-v2", "nv-embed-qa-4", "multilingual-e5-large", "voyage-multilingual-2", "bge-small-en-v1.5");

	private VectorSql() {
	}

	/** AI_EMBED(model, input), EMBED_TEXT_768/1024(model, text) → the embedding as an ARRAY of floats. */
	public static @Nullable Object embed(@Parameter(name = "model") @Nullable String model,
			@Parameter(name = "input") @Nullable String input) {
		if (model == null || input == null) {
			return null;
		}
		if (!EMBEDDING_MODELS.contains(model.strip().toLowerCase(Locale.ROOT))) {
			throw new InvalidInput("AI_EMBED: unknown embedding model '" + model + "'; use one of "
					+ EMBEDDING_MODELS.stream().sorted().toList() + " (all answered by the in-process bge-small-en-v1.5).");
		}
		return AiSql.call("AI_EMBED", () -> CortexSql.engine().embed(input), Variants::parseJson, input);
	}

	public static @Nullable Double cosineSimilarity(@Nullable Object a, @Nullable Object b) {
		double[][] v = vectors("VECTOR_COSINE_SIMILARITY", a, b);
		return v == null ? null : dot(v[0], v[1]) / Math.sqrt(dot(v[0], v[0]) * dot(v[1], v[1]));
	}

	public static @Nullable Double innerProduct(@Nullable Object a, @Nullable Object b) {
		double[][] v = vectors("VECTOR_INNER_PRODUCT", a, b);
		return v == null ? null : dot(v[0], v[1]);
	}

	public static @Nullable Double l2Distance(@Nullable Object a, @Nullable Object b) {
		double[][] v = vectors("VECTOR_L2_DISTANCE", a, b);
		if (v == null) {
			return null;
		}
		double sum = 0;
		for (int i = 0; i < v[0].length; i++) {
			sum += (v[0][i] - v[1][i]) * (v[0][i] - v[1][i]);
		}
		return Math.sqrt(sum);
	}

	/** AI_REDACT(input [, categories]): e-mails, phone, card and account numbers, IP addresses, by patterns. */
	public static @Nullable String redact(@Parameter(name = "input") @Nullable String input,
			@Parameter(name = "categories", optional = true) @Nullable Object categories) {
		if (input == null) {
			return null;
		}
		List<String> wanted = CortexSql.strings("AI_REDACT", categories).stream()
			.map(c -> c.strip().toUpperCase(Locale.ROOT)).toList();
		List<String> unknown = wanted.stream().filter(c -> !Redactor.categories().contains(c)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInput("AI_REDACT: without a language model the categories are " + Redactor.categories()
					+ "; not " + unknown + " (set EAW_LLM_PROVIDER for names and addresses).");
		}
		return Redactor.redact(input, wanted);
	}

	/**
	 * SPLIT_TEXT_RECURSIVE_CHARACTER(text_to_split, format, chunk_size [, overlap [, separators]]) → an ARRAY of
	 * chunks ({@link TextSplitter}).
	 */
	public static @Nullable Object splitText(@Parameter(name = "text_to_split") @Nullable String text,
			@Parameter(name = "format") @Nullable String format, @Parameter(name = "chunk_size") @Nullable Integer size,
			@Parameter(name = "overlap", optional = true) @Nullable Integer overlap,
			@Parameter(name = "separators", optional = true) @Nullable Object separators) {
		if (text == null || format == null || size == null) {
			return null;
		}
		List<String> given = separators == null ? TextSplitter.DEFAULT
				: CortexSql.strings("SPLIT_TEXT_RECURSIVE_CHARACTER", separators);
		try {
			return new java.util.ArrayList<Object>(
					TextSplitter.split(text, format.strip(), size, overlap == null ? 0 : overlap, given));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("SPLIT_TEXT_RECURSIVE_CHARACTER: " + ex.getMessage());
		}
	}

	private static double @Nullable [][] vectors(String function, @Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return null;
		}
		double[] x = vector(function, a);
		double[] y = vector(function, b);
		if (x.length != y.length) {
			throw new InvalidInput(function + ": the vectors have different dimensions (" + x.length + " and " + y.length + ").");
		}
		return new double[][] { x, y };
	}

	private static double[] vector(String function, Object value) {
		if (!(Variants.container(value) instanceof List<?> list)) {
			throw new InvalidInput(function + " takes vectors: arrays of numbers such as [1, 2, 3].");
		}
		double[] vector = new double[list.size()];
		for (int i = 0; i < vector.length; i++) {
			if (!(list.get(i) instanceof Number number)) {
				throw new InvalidInput(function + " takes vectors: arrays of numbers such as [1, 2, 3].");
			}
			vector[i] = number.doubleValue();
		}
		return vector;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
