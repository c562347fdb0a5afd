package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDF text reflowed into paragraphs and headings ({@link PdfReflow}), each tagged with its page. Encrypted files
 * (a user password) and files PDFBox cannot parse are refused.
 */
final class PdfExtraction {

	private static final Logger log = LoggerFactory.getLogger(PdfExtraction.class);

	private PdfExtraction() {
	}

	static ExtractedText extract(Path file) {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				throw new Refusal("Corrupt PDF: it has no pages.");
			}
			return PdfReflow.reflow(PdfLines.of(document), pages);
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

}
