package dev.eaw.docqa.chunking;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.extraction.ExtractedText;

import static org.assertj.core.api.Assertions.assertThat;

/** Chunking by structure with the real tokenizer: budget, heading paths, overlap, offsets, pages. */
class ChunkerTests {

	static final DocqaEmbedder TOKENS = new DocqaEmbedder();

	@Test
	void sectionsArePackedToTheBudgetWithOverlapAndHeadingPaths() {
		ExtractedText.Builder text = new ExtractedText.Builder().heading(1, "Guide", 1)
			.paragraph("This guide explains the coffee machine.", 1)
			.heading(2, "Install", 1);
		for (int i = 1; i <= 40; i++) {
			text.paragraph("Step " + i + " of the installation is to check that part number " + (1000 + i)
					+ " sits firmly in its slot. Then tighten screw " + i + " by hand.", i <= 20 ? 1 : 2);
		}
		text.heading(2, "Cleaning", 2).paragraph("Rinse the brew group weekly.", 2);
		ExtractedText document = text.build(2);

		List<DraftChunk> chunks = new Chunker(TOKENS, 120, 30).chunk(document);

		assertThat(chunks).hasSizeGreaterThan(4);
		assertThat(chunks.get(0).heading()).isEqualTo("Guide");
		assertThat(chunks.get(1).heading()).isEqualTo("Guide › Install");
		assertThat(chunks.get(chunks.size() - 1).heading()).isEqualTo("Guide › Cleaning");
		for (DraftChunk chunk : chunks) {
			assertThat(chunk.tokens()).isLessThanOrEqualTo(130);
			assertThat(document.text().substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
		}
		// consecutive chunks of the same section share a sentence
		DraftChunk first = chunks.get(1);
		DraftChunk second = chunks.get(2);
		assertThat(second.heading()).isEqualTo(first.heading());
		assertThat(second.start()).isLessThan(first.end());
		assertThat(chunks).extracting(DraftChunk::page).contains(1, 2);
		assertThat(chunks).extracting(DraftChunk::ordinal).containsExactlyElementsOf(
				java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
	}

	@Test
	void aHeadingAboveAParagraphIsASentenceOfItsOwn() {
		String text = "Facts about the towers\n\nThe lamp is visible from 27 miles. It has 142 steps.";
		List<String> sentences = Sentences.split(text).stream().map(span -> text.substring(span.start(), span.end())).toList();
		assertThat(sentences)
			.containsExactly("Facts about the towers", "The lamp is visible from 27 miles.", "It has 142 steps.");
	}

	@Test
	void anOverlongParagraphIsCutAtSentencesAndAnOverlongSentenceAtWords() {
		StringBuilder paragraph = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			paragraph.append("Sentence number ").append(i).append(" talks about valves and pressure. ");
		}
		paragraph.append("word ".repeat(400));
		ExtractedText document = new ExtractedText.Builder().paragraph(paragraph.toString(), null).build(null);
		List<DraftChunk> chunks = new Chunker(TOKENS, 100, 20).chunk(document);
		assertThat(chunks).hasSizeGreaterThan(8);
		assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(100));
		assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(document.text().length());
	}

}
