package dev.eaw.docqa.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A handbook typeset like a real one, line by line as given: a running header and a "Page n" footer on every page,
 * body lines 14 pt apart, an empty line is a paragraph gap (half a line), a line starting with "# " a bold heading.
 */
final class HandbookPdf {

	private HandbookPdf() {
	}

	static byte[] of(String header, List<List<String>> pages) {
		try (PDDocument document = new PDDocument()) {
			PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
			PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
			for (int p = 0; p < pages.size(); p++) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					write(content, regular, 9, 72, 750, header);
					write(content, regular, 9, 290, 40, "Page " + (p + 1));
					float y = 700;
					for (String line : pages.get(p)) {
						if (line.isEmpty()) {
							y -= 8;
						}
						else if (line.startsWith("# ")) {
							y -= 6;
							write(content, bold, 13, 72, y, line.substring(2));
							y -= 20;
						}
						else {
							write(content, regular, 11, 72, y, line);
							y -= 17;
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

}
