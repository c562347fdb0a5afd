package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text lines of a PDF in reading order (PDFBox sorted by position), each with where it sits and in which font
 * size, so {@link PdfReflow} can tell wrapped lines from paragraphs, headings and running headers.
 */
final class PdfLines extends PDFTextStripper {

	/** One line: {@code top} grows down the page; {@code size} is the font size in points. */
	record Line(int page, String text, float left, float right, float top, float size, boolean bold) {
	}

	private final List<Line> lines = new ArrayList<>();

	private final StringBuilder text = new StringBuilder();

	private final List<TextPosition> positions = new ArrayList<>();

	private PdfLines() {
		setSortByPosition(true);
	}

	static List<Line> of(PDDocument document) throws IOException {
		PdfLines stripper = new PdfLines();
		stripper.getText(document);
		return stripper.lines;
	}

	@Override
	protected void writeString(String string, List<TextPosition> textPositions) {
		text.append(string);
		positions.addAll(textPositions);
	}

	@Override
	protected void writeWordSeparator() {
		text.append(' ');
	}

	@Override
	protected void writeLineSeparator() {
		endLine();
	}

	@Override
	protected void writeParagraphEnd() {
		endLine();
	}

	@Override
	protected void writePageEnd() {
		endLine();
	}

	private void endLine() {
		String line = text.toString().strip();
		if (!line.isEmpty() && !positions.isEmpty()) {
			TextPosition first = positions.get(0);
			TextPosition last = positions.get(positions.size() - 1);
			float size = 0;
			int bold = 0;
			for (TextPosition position : positions) {
				size = Math.max(size, position.getFontSizeInPt());
				String font = position.getFont().getName();
				if (font != null && (font.contains("Bold") || font.contains("bold") || font.contains("Black"))) {
					bold++;
				}
			}
			lines.add(new Line(getCurrentPageNo(), line, first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
					first.getYDirAdj(), size, bold * 2 > positions.size()));
		}
		text.setLength(0);
		positions.clear();
	}

}
