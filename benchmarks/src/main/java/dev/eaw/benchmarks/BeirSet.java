package dev.eaw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A BEIR-format folder: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}), {@code queries.jsonl}
 * ({@code _id}, {@code text}), {@code qrels/test.tsv} (query-id, corpus-id, score, with a header line) and, when
 * present, {@code answers.jsonl} ({@code _id} of a query, {@code answers}: gold answer strings). Only queries with
 * qrels are kept; documents with an empty text are skipped (nothing to index), their qrels kept.
 */
record BeirSet(List<Doc> corpus, List<Query> queries) {

	record Doc(String id, String title, String text) {
	}

	record Query(String id, String text, Map<String, Integer> relevant, List<String> answers) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static BeirSet read(Path dir) throws IOException {
		List<Doc> corpus = new ArrayList<>();
		int empty = 0;
		for (JsonNode doc : lines(dir.resolve("corpus.jsonl"))) {
			String text = doc.path("text").asString("");
			if (text.isBlank()) {
				empty++; // nothing to index or quote (some published sets have them); their qrels stay, unreachable
				continue;
			}
			corpus.add(new Doc(doc.path("_id").asString(), doc.path("title").asString(""), text));
		}
		if (empty > 0) {
			System.err.println(dir.getFileName() + ": skipped " + empty + " documents with an empty text");
		}
		Map<String, Map<String, Integer>> qrels = new HashMap<>();
		Path qrelsFile = dir.resolve("qrels").resolve("test.tsv");
		for (String line : Files.readAllLines(qrelsFile)) {
			String[] fields = line.split("\t");
			if (fields.length < 3 || !fields[2].trim().matches("-?\\d+")) {
				continue; // the header
			}
			qrels.computeIfAbsent(fields[0], id -> new LinkedHashMap<>()).put(fields[1], Integer.parseInt(fields[2].trim()));
		}
		Map<String, List<String>> answers = new HashMap<>();
		if (Files.exists(dir.resolve("answers.jsonl"))) {
			for (JsonNode answer : lines(dir.resolve("answers.jsonl"))) {
				List<String> gold = new ArrayList<>();
				answer.path("answers").forEach(a -> gold.add(a.asString()));
				answers.put(answer.path("_id").asString(), gold);
			}
		}
		List<Query> queries = new ArrayList<>();
		for (JsonNode query : lines(dir.resolve("queries.jsonl"))) {
			String id = query.path("_id").asString();
			if (qrels.containsKey(id)) {
				queries.add(new Query(id, query.path("text").asString(), qrels.get(id), answers.getOrDefault(id, List.of())));
			}
		}
		if (corpus.isEmpty() || queries.isEmpty()) {
			throw new IllegalArgumentException(dir + " has no corpus or no queries with qrels in qrels/test.tsv");
		}
		return new BeirSet(corpus, queries);
	}

	boolean hasAnswers() {
		return queries.stream().anyMatch(q -> !q.answers().isEmpty());
	}

	private static List<JsonNode> lines(Path file) throws IOException {
		if (!Files.exists(file)) {
			throw new IllegalArgumentException(file + " is missing (a BEIR folder has corpus.jsonl, queries.jsonl, qrels/test.tsv)");
		}
		List<JsonNode> nodes = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				nodes.add(JSON.readTree(line));
			}
		}
		return nodes;
	}

}
