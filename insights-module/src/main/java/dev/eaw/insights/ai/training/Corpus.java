package dev.eaw.insights.ai.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Labelled training sentences read from tab-separated files: texts and 0/1 labels, duplicates dropped. */
final class Corpus {

	final List<String> texts = new ArrayList<>();

	final List<Integer> labels = new ArrayList<>();

	private final Map<String, Integer> seen = new LinkedHashMap<>();

	/** SST-2 style: {@code sentence<TAB>label} with an optional header line. */
	void addBinary(Path file, int limit) throws IOException {
		int added = 0;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			int tab = line.lastIndexOf('\t');
			if (tab < 0 || added >= limit) {
				continue;
			}
			String label = line.substring(tab + 1).strip();
			if (!label.equals("0") && !label.equals("1")) {
				continue;
			}
			if (add(line.substring(0, tab).strip(), Integer.parseInt(label))) {
				added++;
			}
		}
	}

	/**
	 * VADER human-rated style: {@code id<TAB>mean score (-4..4)<TAB>text}; ratings with an absolute value below
	 * {@code margin} are too close to neutral to be a label and are dropped.
	 */
	void addRated(Path file, double margin) throws IOException {
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] fields = line.split("\t", 3);
			if (fields.length < 3) {
				continue;
			}
			double score;
			try {
				score = Double.parseDouble(fields[1].strip());
			}
			catch (NumberFormatException ex) {
				continue;
			}
			if (Math.abs(score) >= margin) {
				add(fields[2].strip(), score > 0 ? 1 : 0);
			}
		}
	}

	private boolean add(String text, int label) {
		if (text.isEmpty() || seen.containsKey(text)) {
			return false;
		}
		seen.put(text, label);
		texts.add(text);
		labels.add(label);
		return true;
	}

	int size() {
		return texts.size();
	}

}
