package dev.eaw.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eaw.docqa.extraction.Block;
import dev.eaw.docqa.extraction.ExtractedText;
import dev.eaw.docqa.extraction.ExtractionLimits;
import dev.eaw.docqa.extraction.Extractor;
import dev.eaw.docqa.extraction.FileType;

import static org.assertj.core.api.Assertions.assertThat;

/** The pdf row's premise: a typeset, hyphenated, multi-page PDF reads back as the paragraphs it was made of. */
class PdfTypesetterTests {

	static final String LONG = "The Normans were the people who in the 10th and 11th centuries gave their name to Normandy, "
			+ "a region in France. They were descended from Norse raiders and pirates from Denmark, Iceland and Norway "
			+ "who, under their leader Rollo, agreed to swear fealty to King Charles III of West Francia. Through "
			+ "generations of assimilation and mixing with the native Frankish and Roman-Gaulish populations, their "
			+ "descendants would gradually merge with the Carolingian-based cultures of West Francia. ";

	@TempDir
	Path dir;

	@Test
	void aWrappedHyphenatedMultiPagePdfReadsBackAsItsParagraphs() throws Exception {
		List<String> paragraphs = List.of(LONG.repeat(9).strip(), "Extraordinarily internationalised characteristically "
				.repeat(12).strip(), LONG.repeat(8).strip());
		PdfTypesetter typesetter = new PdfTypesetter();
		Path pdf = dir.resolve("doc.pdf");
		typesetter.write("Benchmark handbook", paragraphs, pdf);

		ExtractedText text = new Extractor(new ExtractionLimits(100 << 20, 20 << 20)).extract(pdf, FileType.PDF);

		assertThat(text.pages()).isGreaterThan(2);
		assertThat(text.blocks()).extracting(Block::text).containsExactlyElementsOf(paragraphs);
		assertThat(typesetter.replaced()).isZero();
	}

}
