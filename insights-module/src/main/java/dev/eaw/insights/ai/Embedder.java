package dev.eaw.insights.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.eaw.kernel.SentenceEncoders;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * Sentence embeddings computed in-process by an ONNX model shipped inside a Maven jar (bge-small-en-v1.5, quantized:
 * 384 dimensions, normalized, input cut at 512 tokens). Thread-safe; load it once and share it.
 */
public final class Embedder {

	/** The model's name, part of every cache key so that a model change never serves stale results. */
	public static final String BGE_SMALL_Q = SentenceEncoders.BGE_SMALL_Q;

	/** {@link #BGE_SMALL_Q} pooled by the mean of its token vectors. */
	public static final String BGE_SMALL_Q_MEAN = "bge-small-en-v1.5-q-mean";

	/** all-MiniLM-L6-v2, quantized (384 dimensions, input cut at 128 tokens): a second, different encoder. */
	public static final String MINILM_Q = SentenceEncoders.MINILM_Q;

	private final Supplier<EmbeddingModel> model;

	private final String name;

	Embedder(EmbeddingModel model, String name) {
		this(() -> model, name);
	}

	private Embedder(Supplier<EmbeddingModel> model, String name) {
		this.model = model;
		this.name = name;
	}

	/**
	 * The application's shared instance of a model ({@link SentenceEncoders#BGE_SMALL_Q} or
	 * {@link SentenceEncoders#MINILM_Q}), fetched on each use, so it loads on first use or in the background.
	 */
	public static Embedder shared(SentenceEncoders encoders, String name) {
		if (!name.equals(BGE_SMALL_Q) && !name.equals(MINILM_Q)) {
			throw new IllegalArgumentException("No shared sentence encoder " + name);
		}
		return new Embedder(() -> encoders.get(name), name);
	}

	/** Loads bge-small-en-v1.5 (quantized); takes about a second. */
	public static Embedder bgeSmall() {
		return new Embedder(new BgeSmallEnV15QuantizedEmbeddingModel(), BGE_SMALL_Q);
	}

	/**
	 * The same ONNX model and tokenizer as {@link #bgeSmall()} (read from its jar), but pooled by the mean of the
	 * token vectors instead of the [CLS] vector: a second view of the same text, named {@value #BGE_SMALL_Q_MEAN}.
	 * The files are copied to a temporary directory once, since the ONNX runtime loads them from paths.
	 */
	public static Embedder miniLmQ() {
		return new Embedder(new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel(),
				MINILM_Q);
	}

	public static Embedder bgeSmallMeanPooled() {
		try {
			Path dir = Files.createTempDirectory("eaw-bge-small-q");
			Path model = copy("/bge-small-en-v1.5-q.onnx", dir);
			Path tokenizer = copy("/bge-small-en-v1.5-q-tokenizer.json", dir);
			Embedder embedder = new Embedder(new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN), BGE_SMALL_Q_MEAN);
			Files.deleteIfExists(model);
			Files.deleteIfExists(tokenizer);
			Files.deleteIfExists(dir);
			return embedder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path copy(String resource, Path dir) throws IOException {
		try (InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException(resource + " is not on the classpath");
			}
			Path file = dir.resolve(resource.substring(1));
			Files.copy(in, file);
			return file;
		}
	}

	public String modelName() {
		return name;
	}

	public int dimensions() {
		return model.get().dimension();
	}

	public float[] embed(String text) {
		return model.get().embed(text.isBlank() ? " " : text).content().vector();
	}

	/** Embeds many texts in batches, which is faster than one by one. */
	public List<float[]> embedAll(List<String> texts) {
		List<float[]> vectors = new ArrayList<>(texts.size());
		int batch = 64;
		for (int from = 0; from < texts.size(); from += batch) {
			List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + batch))
				.stream()
				.map(t -> TextSegment.from(t.isBlank() ? " " : t))
				.toList();
			for (Embedding embedding : model.get().embedAll(segments).content()) {
				vectors.add(embedding.vector());
			}
		}
		return vectors;
	}

	/** Cosine similarity in [-1, 1]. */
	public static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
	}

}
