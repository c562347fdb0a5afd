package dev.eaw.insights.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.eaw.kernel.text.Sentences;

/**
 * Snowflake's AI_SENTIMENT / ENTITY_SENTIMENT labels from the in-process sentence scorer: the {@code overall} record
 * from every sentence, one record per aspect from the sentences that mention it ({@code unknown} when none does).
 * Sentences scoring above {@link #POLAR} are positive, below {@code -POLAR} negative; a group with both is
 * {@code mixed}, one with neither {@code neutral}.
 */
final class AspectSentiment {

	/** How far from 0 a sentence's score must be to count as positive or negative. */
	static final double POLAR = 0.25;

	private final SentimentScorer scorer;

	AspectSentiment(SentimentScorer scorer) {
		this.scorer = scorer;
	}

	/** {@code [{"name": "overall", "sentiment": …}, {"name": aspect, "sentiment": …}, …]}. */
	List<Map<String, String>> categories(String text, List<String> aspects) {
		List<String> sentences = Sentences.of(text);
		if (sentences.isEmpty()) {
			sentences = List.of(text);
		}
		double[] scores = sentences.stream().mapToDouble(scorer::score).toArray();
		List<Map<String, String>> categories = new ArrayList<>();
		categories.add(record("overall", label(scores, i -> true)));
		for (String aspect : aspects) {
			Pattern mention = mention(aspect);
			List<String> all = sentences;
			categories.add(record(aspect, label(scores, i -> mention.matcher(all.get(i)).find())));
		}
		return categories;
	}

	private static Map<String, String> record(String name, String sentiment) {
		Map<String, String> record = new LinkedHashMap<>();
		record.put("name", name);
		record.put("sentiment", sentiment);
		return record;
	}

	private static String label(double[] scores, java.util.function.IntPredicate included) {
		boolean any = false;
		boolean positive = false;
		boolean negative = false;
		for (int i = 0; i < scores.length; i++) {
			if (included.test(i)) {
				any = true;
				positive |= scores[i] > POLAR;
				negative |= scores[i] < -POLAR;
			}
		}
		if (!any) {
			return "unknown";
		}
		return positive && negative ? "mixed" : positive ? "positive" : negative ? "negative" : "neutral";
	}

	/** The aspect's words at word starts, in order, allowing plurals and inflections: "wait time" finds "waiting times". */
	private static Pattern mention(String aspect) {
		StringBuilder regex = new StringBuilder();
		for (String word : aspect.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!regex.isEmpty()) {
				regex.append("\\W+(?:\\w+\\W+){0,2}");
			}
			String stem = word.length() > 4 && word.endsWith("e") ? word.substring(0, word.length() - 1) : word;
			regex.append("\\b").append(Pattern.quote(stem)).append("\\w*");
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
