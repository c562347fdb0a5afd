package dev.eaw.mlops.tracking;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Names for runs created without one, in MLflow's style: {@code adjective-noun-123}. */
final class RunNames {

	private static final List<String> ADJECTIVES = List.of("able", "bold", "brave", "calm", "clever", "crisp", "eager",
			"fair", "gentle", "glad", "keen", "lucky", "merry", "neat", "proud", "quick", "quiet", "sharp", "smart", "swift",
			"tidy", "vast", "warm", "wise");

	private static final List<String> NOUNS = List.of("ant", "bear", "bird", "cat", "colt", "crane", "deer", "dove",
			"eel", "finch", "fox", "goat", "hare", "hawk", "lark", "lynx", "mole", "moth", "owl", "seal", "snail", "swan",
			"toad", "wolf");

	private RunNames() {
	}

	static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size())) + "-"
				+ random.nextInt(1000);
	}

}
