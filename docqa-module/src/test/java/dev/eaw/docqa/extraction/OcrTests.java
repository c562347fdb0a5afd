package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.eaw.docqa.extraction.ExtractionTests.LIMITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scanned PDF pages and images read by the real Tesseract (skipped without it, failing under {@code CI=true}): page
 * numbers kept, text pages left as they are, and the page and pixel limits.
 */
class OcrTests {

	static Ocr ocr;

	@TempDir
	Path dir;

	@BeforeAll
	static void tesseract() {
		ocr = new Ocr(TextPictures.tesseract(), 200, 50_000_000);
	}

	@Test
	void aMixedPdfHasItsScannedPageReadByOcrAndKeepsEveryPageNumber() throws IOException {
		Path pdf = TextPictures.pdf(dir.resolve("mixed.pdf"), List.of(
				new String[] { "Chapter one is printed text about the grinder burrs and their cleaning." },
				List.of("The scanned page says that the boiler", "holds exactly seven litres of water."),
				new String[] { "Chapter three is printed text again, about milk frothing and steam wands." }));
		ExtractedText text = new Extractor(LIMITS, ocr).extract(pdf, FileType.PDF);
		assertThat(text.pages()).isEqualTo(3);
		assertThat(text.blocks()).extracting(Block::page).isSorted().containsOnly(1, 2, 3);
		assertThat(onPage(text, 1)).isEqualTo("Chapter one is printed text about the grinder burrs and their cleaning.");
		assertThat(onPage(text, 2)).isEqualTo("The scanned page says that the boiler holds exactly seven litres of water.");
		assertThat(onPage(text, 3)).contains("milk frothing");
	}

	static String onPage(ExtractedText text, int page) {
		return text.blocks().stream().filter(b -> b.page() == page).map(Block::text).collect(Collectors.joining(" "));
	}

	@Test
	void pngJpegAndMultiPageTiffImagesAreReadPageByPage() throws IOException {
		Path png = TextPictures.png(dir.resolve("note.png"), List.of("Deliveries arrive every Tuesday morning."));
		assertThat(FileType.sniff(png, "note.png", true)).isEqualTo(FileType.PNG);
		ExtractedText fromPng = new Extractor(LIMITS, ocr).extract(png, FileType.PNG);
		assertThat(fromPng.pages()).isEqualTo(1);
		assertThat(fromPng.blocks()).singleElement().satisfies(block -> {
			assertThat(block.page()).isEqualTo(1);
			assertThat(block.text()).isEqualTo("Deliveries arrive every Tuesday morning.");
		});

		Path jpeg = dir.resolve("receipt.jpg");
		javax.imageio.ImageIO.write(TextPictures.page(List.of("Paid in cash at the front desk.")), "jpg", jpeg.toFile());
		assertThat(FileType.sniff(jpeg, "receipt.jpg", true)).isEqualTo(FileType.JPEG);
		assertThat(new Extractor(LIMITS, ocr).extract(jpeg, FileType.JPEG).text()).isEqualTo("Paid in cash at the front desk.");

		Path tiff = TextPictures.tiff(dir.resolve("fax.tif"), List.of(List.of("First page about invoices."),
				List.of("Second page about the espresso roast.")));
		assertThat(FileType.sniff(tiff, "fax.tif", true)).isEqualTo(FileType.TIFF);
		ExtractedText fromTiff = new Extractor(LIMITS, ocr).extract(tiff, FileType.TIFF);
		assertThat(fromTiff.pages()).isEqualTo(2);
		assertThat(fromTiff.blocks()).extracting(Block::page).containsExactly(1, 2);
		assertThat(fromTiff.blocks().get(1).text()).isEqualTo("Second page about the espresso roast.");
	}

	@Test
	void imagesOverThePixelLimitAndDocumentsOverThePageLimitAreRefused() throws IOException {
		Path png = TextPictures.png(dir.resolve("page.png"), List.of("Some words"));
		Ocr small = new Ocr(ocr.tesseract(), 200, 1_000_000); // the page is 1275 × 1650 = 2.1 megapixels
		assertThatThrownBy(() -> new Extractor(LIMITS, small).extract(png, FileType.PNG)).isInstanceOf(Refusal.class)
			.hasMessage("The image is too large to read: 2 megapixels, the limit is 1.");

		Path jpeg = dir.resolve("receipt.jpg");
		javax.imageio.ImageIO.write(TextPictures.page(List.of("Paid in cash at the front desk.")), "jpg", jpeg.toFile());
		assertThat(FileType.sniff(jpeg, "receipt.jpg", true)).isEqualTo(FileType.JPEG);
		assertThat(new Extractor(LIMITS, ocr).extract(jpeg, FileType.JPEG).text()).isEqualTo("Paid in cash at the front desk.");

		Path tiff = TextPictures.tiff(dir.resolve("three.tif"), List.of(List.of("a"), List.of("b"), List.of("c")));
		Ocr twoPages = new Ocr(ocr.tesseract(), 2, 50_000_000);
		assertThatThrownBy(() -> new Extractor(LIMITS, twoPages).extract(tiff, FileType.TIFF))
			.hasMessage("The image has more than 2 pages, the OCR limit per document.");
		Path pdf = TextPictures.pdf(dir.resolve("scans.pdf"), List.of(List.of("one"), List.of("two"), List.of("three")));
		assertThatThrownBy(() -> new Extractor(LIMITS, twoPages).extract(pdf, FileType.PDF))
			.hasMessage("More than 2 pages of this PDF need OCR, the limit per document.");
	}

	@Test
	void aScannedPageOverThePixelLimitIsRenderedSmallerInstead() throws IOException {
		Path pdf = TextPictures.pdf(dir.resolve("scan.pdf"),
				List.of(List.of("Rendered at a lower resolution", "the words are still there.")));
		Ocr small = new Ocr(ocr.tesseract(), 200, 4_000_000); // letter at 300 DPI is 8.4 megapixels
		ExtractedText text = new Extractor(LIMITS, small).extract(pdf, FileType.PDF);
		assertThat(text.text()).contains("lower resolution").contains("still there");
	}

}
