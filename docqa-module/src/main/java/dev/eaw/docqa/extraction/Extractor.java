package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the text of a file of a known {@link FileType}; a file that yields no text, or cannot be read, is a
 * {@link Refusal} with a plain reason (the parser's own message goes to the log only).
 */
public final class Extractor {

	private static final Logger log = LoggerFactory.getLogger(Extractor.class);

	static final String DAMAGED_DOCX = "The DOCX file is damaged or not a Word document.";

	private final ExtractionLimits limits;

	private final Ocr ocr;

	public Extractor(ExtractionLimits limits) {
		this(limits, Ocr.OFF);
	}

	public Extractor(ExtractionLimits limits, Ocr ocr) {
		this.limits = limits;
		this.ocr = ocr;
		// POI's own guard, behind the count before it reads: no part it unpacks may exceed the total (a JVM-wide
		// setting; only this module uses POI)
		ZipSecureFile.setMaxEntrySize(limits.maxExpanded());
	}

	public ExtractedText extract(Path file, FileType type) {
		ExtractedText text;
		try {
			text = switch (type) {
				case PDF -> PdfExtraction.extract(file, ocr);
				case PNG, JPEG, TIFF -> image(file);
				case DOCX -> docx(file);
				case HTML -> HtmlExtraction.extract(read(file));
				case MARKDOWN -> MarkdownExtraction.extract(read(file));
				case TEXT -> plain(read(file));
			};
		}
		catch (CharacterCodingException ex) {
			throw new Refusal("The file is not UTF-8 text: save it as UTF-8 and upload it again.");
		}
		catch (IOException ex) {
			log.warn("Could not read {}", file, ex);
			throw new Refusal("The file could not be read.");
		}
		if (text.blank()) {
			throw new Refusal(switch (type) {
				case PDF -> ocr.enabled() ? "No extractable text, and OCR found none on its pages either."
						: "No extractable text — scanned? OCR is not supported.";
				case PNG, JPEG, TIFF -> "OCR found no text in the image.";
				default -> "The file holds no text.";
			});
		}
		return text;
	}

	private ExtractedText image(Path file) throws IOException {
		if (!ocr.enabled()) {
			throw new Refusal("Images are read with OCR, which is not available on this server.");
		}
		return ocr.image(file);
	}

	private static String read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		return text.startsWith("\ufeff") ? text.substring(1) : text;
	}

	/** Paragraphs are separated by blank lines; lines inside one are joined. */
	static ExtractedText plain(String text) {
		ExtractedText.Builder builder = new ExtractedText.Builder();
		for (String paragraph : text.split("\\r?\\n\\s*\\r?\\n")) {
			builder.paragraph(paragraph, null);
		}
		return builder.build(null);
	}

	/** Checks how far the file unpacks before POI reads it into memory. */
	private ExtractedText docx(Path file) throws IOException {
		try {
			ZipExpansion.check(file, limits);
		}
		catch (java.util.zip.ZipException ex) {
			log.info("DOCX {} is not a readable ZIP", file, ex);
			throw new Refusal(DAMAGED_DOCX);
		}
		try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
			return DocxExtraction.extract(document);
		}
		catch (org.apache.poi.EncryptedDocumentException ex) {
			throw new Refusal("Encrypted Word document: remove the password and upload it again.");
		}
		catch (IOException | RuntimeException ex) {
			log.info("DOCX {} could not be read", file, ex);
			throw new Refusal(DAMAGED_DOCX);
		}
	}

}
