package dev.eaw.docqa.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.chunking.TokenCounter;
import dev.eaw.kernel.SentenceEncoders;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * Normalised sentence embeddings and token counts of one model, bge-small-en-v1.5 (quantized, the default) or
 * all-MiniLM-L6-v2 (quantized), both loaded lazily on first use (about a second). Thread-safe.
 */
public final class DocqaEmbedder implements TokenCounter {

	/** The default model's name. */
	public static final String MODEL = SentenceEncoders.BGE_SMALL_Q;

	/** The other model on offer: all-MiniLM-L6-v2 (quantized), which reads at most 128 tokens. */
	public static final String MINILM = SentenceEncoders.MINILM_Q;

	/** The models on offer, the default first. */
	public static final List<String> MODELS = List.of(MODEL, MINILM);

	/** The most tokens the default model reads (512 minus [CLS] and [SEP]); text beyond is not seen. */
	public static final int MAX_TOKENS = 510;

	private final String name;

	private final int maxTokens;

	private final Lazy<EmbeddingModel> model;

	private final Lazy<HuggingFaceTokenCountEstimator> tokenizer;

	/** The default model, bge-small-en-v1.5 (quantized). */
	public DocqaEmbedder() {
		this(MODEL);
	}

	/** One of {@link #MODELS}, loaded by this embedder alone (benchmarks, tests). */
	public DocqaEmbedder(String name) {
		this(name, null);
	}

	/** One of {@link #MODELS}, the application's shared instance (the same ONNX session as Insights'). */
	public DocqaEmbedder(String name, @Nullable SentenceEncoders shared) {
		this.name = name;
		switch (name) {
			case MODEL -> {
				this.maxTokens = MAX_TOKENS;
				this.model = new Lazy<>(shared == null ? BgeSmallEnV15QuantizedEmbeddingModel::new : () -> shared.get(name));
				this.tokenizer = new Lazy<>(() -> loadTokenizer(BgeSmallEnV15QuantizedEmbeddingModel.class,
						"/bge-small-en-v1.5-q-tokenizer.json"));
			}
			case MINILM -> {
				this.maxTokens = 126;
				this.model = new Lazy<>(shared == null ? AllMiniLmL6V2QuantizedEmbeddingModel::new : () -> shared.get(name));
				this.tokenizer = new Lazy<>(() -> loadTokenizer(AllMiniLmL6V2QuantizedEmbeddingModel.class,
						"/all-minilm-l6-v2-q-tokenizer.json"));
			}
			default -> throw new IllegalArgumentException("Unknown embedding model " + name + "; known: " + MODELS);
		}
	}

	/** A value made on first use, once. */
	private static final class Lazy<T> {

		private final Supplier<T> make;

		private volatile @Nullable T value;

		Lazy(Supplier<T> make) {
			this.make = make;
		}

		T get() {
			T made = value;
			if (made == null) {
				synchronized (this) {
					made = value;
					if (made == null) {
						made = make.get();
						value = made;
					}
				}
			}
			return made;
		}

	}

	public String modelName() {
		return name;
	}

	/** The most tokens the model reads ([CLS] and [SEP] aside); text beyond is not seen. */
	public int maxTokens() {
		return maxTokens;
	}

	public int dimensions() {
		return 384;
	}

	/** The tokenizer file ships inside the model's jar; the tokenizer library reads it from a path. */
	private static HuggingFaceTokenCountEstimator loadTokenizer(Class<?> owner, String resource) {
		try (InputStream in = owner.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException(resource + " is not on the classpath");
			}
			Path file = Files.createTempFile("eaw-docqa-tokenizer", ".json");
			try {
				Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				return new HuggingFaceTokenCountEstimator(file);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int count(String text) {
		return text.isBlank() ? 0 : tokenizer.get().estimateTokenCountInText(text);
	}

	public float[] embed(String text) {
		return normalise(model.get().embed(text.isBlank() ? " " : text).content().vector());
	}

	/** Embeds many texts in batches. */
	public List<float[]> embedAll(List<String> texts) {
		List<float[]> vectors = new ArrayList<>(texts.size());
		int batch = 32;
		for (int from = 0; from < texts.size(); from += batch) {
			List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + batch))
				.stream()
				.map(t -> TextSegment.from(t.isBlank() ? " " : t))
				.toList();
			for (Embedding embedding : model.get().embedAll(segments).content()) {
				vectors.add(normalise(embedding.vector()));
			}
		}
		return vectors;
	}

	static float[] normalise(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		if (norm == 0) {
			return vector;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = vector[i] * scale;
		}
		return unit;
	}

	/** The dot product, which is the cosine for normalised vectors. */
	public static double dot(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

}
