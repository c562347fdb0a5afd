package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDF text page by page (PDFBox), paragraphs as PDFBox detects them, each tagged with its page; a page with (nearly)
 * no text is read by {@link Ocr} when it is on. Encrypted files (a user password) and files PDFBox cannot parse are
 * refused.
 */
final class PdfExtraction {

	private static final Logger log = LoggerFactory.getLogger(PdfExtraction.class);

	private PdfExtraction() {
	}

	static ExtractedText extract(Path file, Ocr ocr) {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				throw new Refusal("Corrupt PDF: it has no pages.");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			stripper.setParagraphEnd("\n\n");
			ExtractedText.Builder builder = new ExtractedText.Builder();
			Ocr.ScannedPages scanned = ocr.scannedPages(document);
			for (int page = 1; page <= pages; page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = scanned.text(page, stripper.getText(document));
				for (String paragraph : text.split("\\r?\\n\\s*\\r?\\n")) {
					builder.paragraph(dehyphenate(paragraph), page);
				}
			}
			return builder.build(pages);
		}
		catch (InvalidPasswordException ex) {
			throw new Refusal("Encrypted PDF: it needs a password to open; remove the protection and upload it again.");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Refusal refusal) {
				throw refusal;
			}
			log.info("PDF {} could not be read", file, ex);
			throw new Refusal("Corrupt PDF: the file is damaged and cannot be read.");
		}
	}

	/** Joins words broken at a line end ("inter-\nnational"); other line breaks become spaces later. */
	private static String dehyphenate(String paragraph) {
		return paragraph.replaceAll("(\\p{Ll})-\\r?\\n(\\p{Ll})", "$1$2");
	}

}
