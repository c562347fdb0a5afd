package dev.eaw.insights.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Sentiment of a text as a DOUBLE in [-1, 1] (Snowflake Cortex style): {@code 2 · p(positive) − 1}, where
 * {@code p} comes from a small trained head ({@link SentimentHead}) over bge-small-en-v1.5 sentence embeddings plus
 * three rule features (the {@link Vader} compound score, whether the text has a negation, whether it has "but").
 * The head names the views it was trained on: the [CLS]-pooled embedding of the given {@link Embedder}, and possibly
 * also the mean-pooled one ({@link Embedder#bgeSmallMeanPooled()}), which {@link #load} then creates itself. The
 * head was trained on SST-2 train by {@code dev.eaw.insights.ai.training.SentimentTrainer}; its weights are the
 * classpath resource {@value #WEIGHTS}.
 *
 * <p>Fallback: when the embedding model cannot produce a vector for a text (the ONNX call throws, or returns a
 * vector of the wrong size or with non-finite values), that text is scored by {@link Vader#compound(String)}
 * instead, which is on the same [-1, 1] scale but much less accurate (about 0.63 accuracy on SST-2 dev, against
 * about 0.88–0.89 for the model). A batch that fails is retried text by text so that one bad text does not drag the
 * others down to the rules.
 *
 * <p>Null or blank text scores 0 (neutral) without calling the model; no exception is thrown. Thread-safe.
 */
public final class SentimentModel implements SentimentScorer {

	/** The shipped head's weights. */
	public static final String WEIGHTS = "/models/sentiment-head-bge-small-q.json";

	private final Embedder embedder;

	private final @Nullable Embedder meanPooled;

	private final SentimentHead head;

	private final Vader vader;

	SentimentModel(Embedder embedder, @Nullable Embedder meanPooled, SentimentHead head, Vader vader) {
		if (!head.embedding().equals(views(embedder, meanPooled))) {
			throw new IllegalArgumentException(
					"The head was trained on " + head.embedding() + ", not on " + views(embedder, meanPooled));
		}
		this.embedder = embedder;
		this.meanPooled = meanPooled;
		this.head = head;
		this.vader = vader;
	}

	private static String views(Embedder embedder, @Nullable Embedder meanPooled) {
		return meanPooled == null ? embedder.modelName() : embedder.modelName() + "+" + meanPooled.modelName();
	}

	/**
	 * Loads the shipped head ({@value #WEIGHTS}) and the VADER lexicon; {@code embedder} must be
	 * {@link Embedder#bgeSmall()}. The head names its second view, if any: the shipped one reads bge-small's [CLS]
	 * vector and all-MiniLM-L6-v2-q's sentence vector, so this also loads {@link Embedder#miniLmQ()} and runs two
	 * encoders per text.
	 */
	public static SentimentModel load(Embedder embedder) {
		return load(embedder, Embedder::miniLmQ);
	}

	/** As {@link #load(Embedder)}, with the given all-MiniLM-L6-v2-q embedder (the application's shared one). */
	public static SentimentModel load(Embedder embedder, Supplier<Embedder> miniLm) {
		try (InputStream stream = SentimentModel.class.getResourceAsStream(WEIGHTS)) {
			if (stream == null) {
				throw new IllegalStateException(WEIGHTS + " is not on the classpath");
			}
			return load(embedder, new String(stream.readAllBytes(), StandardCharsets.UTF_8), miniLm);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Loads a head from a file written by the trainer instead of the shipped one (to compare candidates). */
	public static SentimentModel load(Embedder embedder, Path weights) {
		try {
			return load(embedder, Files.readString(weights, StandardCharsets.UTF_8), Embedder::miniLmQ);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SentimentModel load(Embedder embedder, String json, Supplier<Embedder> miniLm) {
		SentimentHead head = SentimentHead.fromJson(json);
		Embedder second = null;
		if (head.embedding().equals(embedder.modelName() + "+" + Embedder.BGE_SMALL_Q_MEAN)) {
			second = Embedder.bgeSmallMeanPooled();
		}
		else if (head.embedding().equals(embedder.modelName() + "+" + Embedder.MINILM_Q)) {
			second = miniLm.get();
		}
		return new SentimentModel(embedder, second, head, Vader.load());
	}

	/** Embedding views and head version, e.g. {@code bge-small-en-v1.5-q+sst2-mlp…}: a cache key for scores. */
	public String version() {
		return head.embedding() + "+" + head.version();
	}

	/** The same model with only the first {@code count} members of the head's ensemble (for benchmarks). */
	public SentimentModel withMembers(int count) {
		return new SentimentModel(embedder, meanPooled, head.firstMembers(count), vader);
	}

	/** The embedding views the head reads: {@code CLS}, {@code CLS+mean} or {@code CLS+MiniLM}. */
	public String views() {
		if (meanPooled == null) {
			return "CLS";
		}
		return Embedder.MINILM_Q.equals(meanPooled.modelName()) ? "CLS+MiniLM" : "CLS+mean";
	}

	/** How many perceptrons the head averages. */
	public int members() {
		return head.members();
	}

	/** The score in [-1, 1]; positive above 0. Null or blank text scores 0. */
	public double score(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		float @Nullable [] vector;
		try {
			vector = embedder.embed(text);
			if (meanPooled != null) {
				vector = concat(vector, meanPooled.embed(text));
			}
		}
		catch (RuntimeException ex) {
			vector = null;
		}
		return scoreVector(text, vector);
	}

	/** Scores many texts, embedding them in batches (faster than one by one); same rules as {@link #score}. */
	public double[] scoreAll(List<? extends @Nullable String> texts) {
		double[] scores = new double[texts.size()];
		List<String> batch = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			if (text != null && !text.isBlank()) {
				batch.add(text);
				positions.add(i);
			}
		}
		@Nullable List<float[]> vectors;
		try {
			vectors = embedder.embedAll(batch);
			if (meanPooled != null) {
				List<float[]> means = meanPooled.embedAll(batch);
				List<float[]> both = new ArrayList<>(batch.size());
				for (int k = 0; k < batch.size(); k++) {
					both.add(concat(vectors.get(k), means.get(k)));
				}
				vectors = both;
			}
		}
		catch (RuntimeException ex) {
			vectors = null;
		}
		for (int k = 0; k < batch.size(); k++) {
			String text = batch.get(k);
			scores[positions.get(k)] = vectors == null || vectors.size() != batch.size() ? score(text)
					: scoreVector(text, vectors.get(k));
		}
		return scores;
	}

	/** The rules-only score, as used for the fallback. */
	public double vaderScore(String text) {
		return vader.compound(text);
	}

	private double scoreVector(String text, float @Nullable [] vector) {
		double compound = vader.compound(text);
		if (!usable(vector)) {
			return compound;
		}
		double p = head.probability(features(vector, compound, text));
		return Math.max(-1, Math.min(1, 2 * p - 1));
	}

	private boolean usable(float @Nullable [] vector) {
		if (vector == null || vector.length + RULE_FEATURES != head.features()) {
			return false;
		}
		for (float value : vector) {
			if (!Float.isFinite(value)) {
				return false;
			}
		}
		return true;
	}

	/** {@code a} followed by {@code b}. */
	public static float[] concat(float[] a, float[] b) {
		float[] both = new float[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** How many features follow the embedding in {@link #features}. */
	public static final int RULE_FEATURES = 3;

	/**
	 * The head's input: the embedding, then the VADER compound score, 1 if the text has a negation word, 1 if it
	 * has "but". Shared with the trainer so that training and scoring see the same features.
	 */
	public static float[] features(float[] embedding, double compound, String text) {
		float[] x = new float[embedding.length + RULE_FEATURES];
		System.arraycopy(embedding, 0, x, 0, embedding.length);
		boolean negation = false;
		boolean but = false;
		for (String word : Vader.words(text)) {
			String lower = word.toLowerCase(Locale.ROOT);
			negation |= Vader.negated(lower) || lower.equals("no");
			but |= lower.equals("but") || lower.equals("however") || lower.equals("though");
		}
		x[embedding.length] = (float) compound;
		x[embedding.length + 1] = negation ? 1 : 0;
		x[embedding.length + 2] = but ? 1 : 0;
		return x;
	}

}
