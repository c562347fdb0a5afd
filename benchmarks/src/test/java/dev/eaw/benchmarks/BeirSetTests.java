package dev.eaw.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** BEIR folders as published: some documents have an empty text. */
class BeirSetTests {

	@TempDir
	Path dir;

	Path tinySet() throws Exception {
		Files.writeString(dir.resolve("corpus.jsonl"), """
				{"_id": "d1", "title": "Boilers", "text": "The boiler holds 1.8 litres of water."}
				{"_id": "d2", "title": "Empty", "text": ""}
				{"_id": "d3", "title": "Grinders", "text": "The grinder has fifteen settings."}
				{"_id": "d4", "title": "Blank", "text": "   "}
				{"_id": "d5", "title": "No text"}
				""");
		Files.writeString(dir.resolve("queries.jsonl"), """
				{"_id": "q1", "text": "How much water does the boiler hold?"}
				{"_id": "q2", "text": "How many grinder settings are there?"}
				""");
		Files.createDirectories(dir.resolve("qrels"));
		Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\nq2\td2\t1\n");
		return dir;
	}

	@Test
	void documentsWithAnEmptyTextAreSkippedAndTheirQrelsKept() throws Exception {
		BeirSet set = BeirSet.read(tinySet());

		assertThat(set.corpus()).extracting(BeirSet.Doc::id).containsExactly("d1", "d3");
		assertThat(set.queries()).hasSize(2);
		assertThat(set.queries().get(1).relevant()).containsKeys("d3", "d2");
	}

	@Test
	void theRagBenchmarkRunsOnASetWithEmptyDocuments() throws Exception {
		List<Row> rows = new RagBenchmark().run(new Flags(new String[] { "--beir", tinySet().toString(), "--models",
				"bge-small-q", "--scale", "0", "--k", "2" }));

		assertThat(rows).isNotEmpty();
		assertThat(rows).allSatisfy(row -> assertThat(row.values().values()).isNotEmpty());
	}

}
