package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Extracts the text of a file of a known {@link FileType}; a file that yields no text is a {@link Refusal}. */
public final class Extractor {

	public ExtractedText extract(Path file, FileType type) {
		ExtractedText text;
		try {
			text = switch (type) {
				case PDF -> PdfExtraction.extract(file);
				case DOCX -> docx(file);
				case HTML -> HtmlExtraction.extract(read(file));
				case MARKDOWN -> MarkdownExtraction.extract(read(file));
				case TEXT -> plain(read(file));
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (text.blank()) {
			throw new Refusal(type == FileType.PDF ? "No extractable text — scanned? OCR is not supported."
					: "The file holds no text.");
		}
		return text;
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

	private static ExtractedText docx(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
			return DocxExtraction.extract(document);
		}
		catch (org.apache.poi.EncryptedDocumentException ex) {
			throw new Refusal("Encrypted Word document: remove the password and upload it again.");
		}
		catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException ex) {
			throw new Refusal("Corrupt Word document: " + ex.getMessage());
		}
	}

}
