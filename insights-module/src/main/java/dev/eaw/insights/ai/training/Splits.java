package dev.eaw.insights.ai.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A held-out slice of SST-2 train that does not leak: SST-2 lists every phrase of its sentences as its own row, so
 * the slice takes whole sentences (texts of at least eight words that are no part of a longer text) and removes every
 * text that is a word span of a held-out sentence from the training rows.
 */
final class Splits {

	private static final int MIN_WORDS = 8;

	private Splits() {
	}

	static void sentenceHoldout(List<String> texts, int count, Random random, List<Integer> train,
			List<Integer> held) {
		List<String[]> words = texts.stream().map(t -> t.strip().split("\\s+")).toList();
		Set<String> inner = new HashSet<>();
		for (String[] w : words) {
			for (int length = MIN_WORDS; length < w.length; length++) {
				addSpans(w, length, inner);
			}
		}
		List<Integer> sentences = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			if (words.get(i).length >= MIN_WORDS && !inner.contains(String.join(" ", words.get(i)))) {
				sentences.add(i);
			}
		}
		Collections.shuffle(sentences, random);
		held.addAll(sentences.subList(0, Math.min(count, sentences.size())));
		Set<String> excluded = new HashSet<>();
		for (int i : held) {
			String[] w = words.get(i);
			for (int length = 1; length <= w.length; length++) {
				addSpans(w, length, excluded);
			}
		}
		for (int i = 0; i < texts.size(); i++) {
			if (!excluded.contains(String.join(" ", words.get(i)))) {
				train.add(i);
			}
		}
		System.err.printf("held out %d of %d whole sentences; %d rows left out of training%n", held.size(),
				sentences.size(), texts.size() - train.size());
	}

	private static void addSpans(String[] words, int length, Set<String> spans) {
		for (int from = 0; from + length <= words.length; from++) {
			spans.add(String.join(" ", java.util.Arrays.asList(words).subList(from, from + length)));
		}
	}

}
