package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** PDF text comes back as the paragraphs a reader sees: wrapped lines joined, running headers and page numbers gone. */
class PdfReflowTests {

	static final List<List<String>> HANDBOOK = List.of(List.of(
			"# Travel",
			"Travel expenses over 1,000 euros are approved by Dr. Helena",
			"Berg, the finance director. Smaller amounts are approved by",
			"your team lead. Book trips through the inter-",
			"national travel desk at least two weeks ahead.",
			"",
			"Receipts are kept for ten years. The well-known rule of",
			"thumb: no receipt, no refund.",
			"# Equipment",
			"If your laptop is stolen, report it to IT within 2 hours, by",
			"phone or e-mail, and file a police report within",
			"24 hours."),
			List.of(
			"IT locks the device remotely. A replacement is issued within",
			"two working days. Staff who travel to non-",
			"EU countries take a well-",
			"known loaner laptop instead of their own.",
			"",
			"# Holidays",
			"Each employee has 30 days of paid holiday per year. Unused"),
			List.of(
			"days expire on 31 March of the next year. Requests",
			"go to the team lead at least one month ahead."));

	@TempDir
	Path dir;

	ExtractedText extract() throws IOException {
		Path pdf = Files.write(dir.resolve("handbook.pdf"), HandbookPdf.of("ACME Staff Handbook 2026", HANDBOOK));
		return new Extractor(ExtractionTests.LIMITS).extract(pdf, FileType.PDF);
	}

	@Test
	void wrappedLinesBecomeOneParagraphAndHeadingsStayApart() throws IOException {
		List<String> blocks = extract().blocks().stream().map(Block::text).toList();

		assertThat(extract().blocks()).filteredOn(block -> block.level() > 0)
			.extracting(Block::text)
			.containsExactly("Travel", "Equipment", "Holidays");
		assertThat(blocks).contains(
				"If your laptop is stolen, report it to IT within 2 hours, by phone or e-mail, and file a police report within 24 hours.",
				"Receipts are kept for ten years. The well-known rule of thumb: no receipt, no refund.");
		assertThat(blocks).anySatisfy(block -> assertThat(block)
			.startsWith("Travel expenses over 1,000 euros are approved by Dr. Helena Berg, the finance director."));
	}

	@Test
	void lineEndHyphensAreUndoneButRealHyphensKept() throws IOException {
		String text = extract().text();

		assertThat(text).contains("the international travel desk", "travel to non-EU countries",
				"take a well-known loaner laptop");
		assertThat(text).doesNotContain("inter-", "wellknown");
	}

	@Test
	void runningHeadersAndPageNumbersAreDroppedAndAParagraphRunsOnAcrossPages() throws IOException {
		ExtractedText text = extract();

		assertThat(text.text()).doesNotContain("ACME Staff Handbook", "Page 1", "Page 2", "Page 3");
		assertThat(text.pages()).isEqualTo(3);
		assertThat(text.blocks()).filteredOn(block -> block.text().contains("Unused days"))
			.singleElement()
			.satisfies(block -> assertThat(block.text()).startsWith("Each employee has 30 days of paid holiday per year."))
			.extracting(Block::page)
			.isEqualTo(2);
	}

}
