package dev.eaw.insights.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * AI_AGG and AI_SUMMARIZE_AGG over any number of rows: the rows go in chunks of at most {@link #CHUNK} characters,
 * each chunk is reduced on its own, and the partial results are reduced again the same way until one is left, so no
 * single call ever sees all the rows.
 */
final class Reducer {

	/** The most characters of rows one call reads. */
	static final int CHUNK = 12_000;

	private Reducer() {
	}

	/** Reduces the texts with {@code first} per chunk of rows, then {@code combine} per chunk of partial results. */
	static String reduce(List<String> texts, Function<String, String> first, Function<String, String> combine) {
		List<String> partials = chunks(texts).stream().map(first).toList();
		while (partials.size() > 1) {
			partials = chunks(partials).stream().map(combine).toList();
		}
		return partials.isEmpty() ? "" : partials.get(0);
	}

	/** The texts as chunks of lines ("- text"), each at most {@link #CHUNK} characters (a longer text alone). */
	static List<String> chunks(List<String> texts) {
		List<String> chunks = new ArrayList<>();
		StringBuilder chunk = new StringBuilder();
		for (String text : texts) {
			String line = "- " + text.strip().replace('\n', ' ') + "\n";
			if (!chunk.isEmpty() && chunk.length() + line.length() > CHUNK) {
				chunks.add(chunk.toString());
				chunk.setLength(0);
			}
			chunk.append(line);
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk.toString());
		}
		return chunks;
	}

	/** A chunk's lines as sentences for the extractive summary: each row ends with a full stop. */
	static String sentences(String chunk) {
		StringBuilder text = new StringBuilder();
		for (String line : chunk.split("\n")) {
			String row = line.startsWith("- ") ? line.substring(2).strip() : line.strip();
			if (!row.isEmpty()) {
				text.append(row).append(row.matches(".*[.!?]$") ? " " : ". ");
			}
		}
		return text.toString().strip();
	}

}
