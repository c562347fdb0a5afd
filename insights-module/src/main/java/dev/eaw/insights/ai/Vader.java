package dev.eaw.insights.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Rule-based sentiment after VADER (Hutto &amp; Gilbert, ICWSM 2014), written for this project. It reads only the
 * published lexicon {@code vader_sentiment_lexicon.txt} (MIT licence) from the classpath and applies the published
 * rules: lexicon valence per word; booster words ("very", "slightly") raising or lowering the next three words with
 * decay; negation within three words scaling a valence by {@code -0.74}; "but" halving what comes before and
 * weighting what follows by 1.5; ALL-CAPS emphasis when the text mixes cases; "!" and "?" amplification; and the
 * normalization {@code x / sqrt(x² + 15)} to the compound score. Immutable and thread-safe.
 */
public final class Vader {

	/** The resource shipped by {@code com.github.apanimesh061:vader-sentiment-analyzer} (only its data is used). */
	static final String LEXICON = "/vader_sentiment_lexicon.txt";

	private static final double BOOST = 0.293;

	private static final double CAPS = 0.733;

	private static final double NEGATION = -0.74;

	private static final double ALPHA = 15;

	private static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent",
			"didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "neednt",
			"never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt",
			"werent", "uh-uh", "without", "wont", "wouldnt", "rarely", "seldom", "despite");

	private static final Map<String, Double> BOOSTERS = boosters();

	private final Map<String, Double> lexicon;

	private Vader(Map<String, Double> lexicon) {
		this.lexicon = lexicon;
	}

	/** Reads the lexicon (about 7,500 entries) from the classpath. */
	public static Vader load() {
		InputStream stream = Vader.class.getResourceAsStream(LEXICON);
		if (stream == null) {
			throw new IllegalStateException(LEXICON + " is not on the classpath");
		}
		Map<String, Double> lexicon = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] fields = line.split("\t");
				if (fields.length >= 2 && !fields[0].isBlank()) {
					lexicon.put(fields[0].strip(), Double.parseDouble(fields[1].strip()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Vader(Map.copyOf(lexicon));
	}

	/**
	 * The compound score in [-1, 1]: above about 0.05 positive, below about -0.05 negative. Null or blank text, and
	 * text without any sentiment word, scores 0.
	 */
	public double compound(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		List<String> words = words(text);
		boolean mixedCaps = mixedCaps(words);
		double[] valences = new double[words.size()];
		for (int i = 0; i < words.size(); i++) {
			String lower = words.get(i).toLowerCase(Locale.ROOT);
			boolean kindOf = lower.equals("kind") && i + 1 < words.size()
					&& words.get(i + 1).equalsIgnoreCase("of");
			if (!BOOSTERS.containsKey(lower) && !kindOf) {
				valences[i] = valence(words, i, mixedCaps);
			}
		}
		int but = indexOfBut(words);
		double sum = 0;
		for (int i = 0; i < valences.length; i++) {
			double weight = but < 0 || i == but ? 1 : i < but ? 0.5 : 1.5;
			sum += valences[i] * weight;
		}
		if (sum == 0) {
			return 0;
		}
		double emphasis = punctuation(text);
		sum += sum > 0 ? emphasis : -emphasis;
		return Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
	}

	/** The valence of word {@code i} with the rules that look back up to three words. */
	private double valence(List<String> words, int i, boolean mixedCaps) {
		String word = words.get(i);
		String lower = word.toLowerCase(Locale.ROOT);
		Double base = lexicon.get(lower);
		if (base == null) {
			return 0;
		}
		if (lower.equals("no") && i + 1 < words.size() && lexicon.containsKey(lower(words, i + 1))) {
			return 0; // "no" as a determiner ("no problems") negates the next word instead
		}
		double valence = base;
		if (isNo(words, i - 1) || isNo(words, i - 2)
				|| (isNo(words, i - 3) && Set.of("or", "nor").contains(lower(words, i - 1)))) {
			valence *= NEGATION;
		}
		if (mixedCaps && isUpper(word)) {
			valence += valence > 0 ? CAPS : -CAPS;
		}
		for (int back = 1; back <= 3 && i - back >= 0; back++) {
			String before = lower(words, i - back);
			if (lexicon.containsKey(before)) {
				continue;
			}
			double boost = boost(words.get(i - back), valence, mixedCaps);
			valence += boost * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
			valence = negation(valence, words, i, back);
		}
		if (i >= 1 && lower(words, i - 1).equals("least") && !lexicon.containsKey("least")) {
			if (i < 2 || !Set.of("at", "very").contains(lower(words, i - 2))) {
				valence *= NEGATION;
			}
		}
		return valence;
	}

	/** Applies negation by the word {@code back} positions before word {@code i}, with "never so" and "without doubt". */
	private static double negation(double valence, List<String> words, int i, int back) {
		String negator = lower(words, i - back);
		if (back >= 2) {
			List<String> between = new ArrayList<>();
			for (int k = i - back + 1; k < i; k++) {
				between.add(lower(words, k));
			}
			if (negator.equals("never") && (between.contains("so") || between.contains("this"))) {
				return valence * 1.25;
			}
			if (negator.equals("without") && between.contains("doubt")) {
				return valence;
			}
		}
		return negated(negator) ? valence * NEGATION : valence;
	}

	private static double boost(String word, double valence, boolean mixedCaps) {
		Double scalar = BOOSTERS.get(word.toLowerCase(Locale.ROOT));
		if (scalar == null) {
			return 0;
		}
		double boost = valence < 0 ? -scalar : scalar;
		if (mixedCaps && isUpper(word)) {
			boost += valence > 0 ? CAPS : -CAPS;
		}
		return boost;
	}

	static boolean negated(String lower) {
		return NEGATIONS.contains(lower.replace("'", "")) || lower.contains("n't");
	}

	/** "!" adds 0.292 each (at most four), "?" adds 0.18 each from the second on (0.96 for four or more). */
	private static double punctuation(String text) {
		long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
		long questions = text.chars().filter(c -> c == '?').count();
		double question = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
		return exclamations * 0.292 + question;
	}

	/** Whitespace tokens stripped of surrounding punctuation unless that leaves two characters or fewer (emoticons). */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String token : text.strip().split("\\s+")) {
			String stripped = token.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
			String word = stripped.length() <= 2 ? token : stripped;
			if (word.length() > 1) {
				words.add(word);
			}
		}
		return words;
	}

	private static boolean mixedCaps(List<String> words) {
		long upper = words.stream().filter(Vader::isUpper).count();
		return upper > 0 && upper < words.size();
	}

	private static boolean isUpper(String word) {
		boolean letter = false;
		for (int k = 0; k < word.length(); k++) {
			char c = word.charAt(k);
			if (Character.isLowerCase(c)) {
				return false;
			}
			letter |= Character.isUpperCase(c);
		}
		return letter;
	}

	private static int indexOfBut(List<String> words) {
		for (int i = 0; i < words.size(); i++) {
			if (words.get(i).equalsIgnoreCase("but")) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isNo(List<String> words, int i) {
		return i >= 0 && lower(words, i).equals("no");
	}

	private static String lower(List<String> words, int i) {
		return words.get(i).toLowerCase(Locale.ROOT);
	}

	private static Map<String, Double> boosters() {
		Map<String, Double> boosters = new HashMap<>();
		for (String up : ("absolutely amazingly awfully completely considerably decidedly deeply effing enormously "
				+ "entirely especially exceptionally extremely fabulously flipping flippin fricking frickin frigging "
				+ "friggin fully fucking greatly hella highly hugely incredibly intensely majorly more most "
				+ "particularly purely quite really remarkably so substantially thoroughly totally tremendously uber "
				+ "unbelievably unusually utterly very").split(" ")) {
			boosters.put(up, BOOST);
		}
		for (String down : ("almost barely hardly kinda kindof kind-of less little marginally occasionally partly "
				+ "scarcely slightly somewhat sorta sortof sort-of").split(" ")) {
			boosters.put(down, -BOOST);
		}
		return Map.copyOf(boosters);
	}

}
