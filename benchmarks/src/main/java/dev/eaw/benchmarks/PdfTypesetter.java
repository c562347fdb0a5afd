package dev.eaw.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Typesets paragraphs the way office PDFs look: Times 11 pt on 16 pt lines, justified-width wrapping with words of
 * seven letters or more hyphenated at the line end when they do not fit, a paragraph gap, and a running header and a
 * "Page n" footer on every page. Characters Times cannot encode (WinAnsi) are written as '?'.
 */
final class PdfTypesetter {

	private static final float SIZE = 11;

	private static final float LEADING = 16;

	private static final float LEFT = 72;

	private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * LEFT;

	private static final float TOP = 700;

	private static final float BOTTOM = 80;

	private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);

	/** How many characters were written as '?'. */
	private int replaced;

	int replaced() {
		return replaced;
	}

	void write(String header, List<String> paragraphs, Path file) throws IOException {
		List<List<String>> pages = new ArrayList<>();
		List<String> page = new ArrayList<>();
		float y = TOP;
		for (String paragraph : paragraphs) {
			for (String line : wrap(encodable(paragraph.strip()))) {
				if (y < BOTTOM) {
					pages.add(page);
					page = new ArrayList<>();
					y = TOP;
				}
				page.add(line);
				y -= LEADING;
			}
			page.add("");
			y -= LEADING / 2;
		}
		pages.add(page);
		try (PDDocument document = new PDDocument()) {
			for (int p = 0; p < pages.size(); p++) {
				PDPage pdfPage = new PDPage(PDRectangle.LETTER);
				document.addPage(pdfPage);
				try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
					show(content, 9, LEFT, 750, header);
					show(content, 9, 290, 40, "Page " + (p + 1));
					float line = TOP;
					for (String text : pages.get(p)) {
						if (text.isEmpty()) {
							line -= LEADING / 2;
							continue;
						}
						show(content, SIZE, LEFT, line, text);
						line -= LEADING;
					}
				}
			}
			document.save(file.toFile());
		}
	}

	private void show(PDPageContentStream content, float size, float x, float y, String text) throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

	private String encodable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String ch = Character.isWhitespace(c) ? " " : String.valueOf(c);
			try {
				font.encode(ch);
				out.append(ch);
			}
			catch (IllegalArgumentException | IOException ex) {
				out.append('?');
				replaced++;
			}
		}
		return out.toString();
	}

	/** Greedy lines; a long word that does not fit is split with a hyphen, a compound at its own hyphen. */
	private List<String> wrap(String paragraph) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : paragraph.split(" +")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(candidate) <= WIDTH) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			String prefix = line.isEmpty() ? "" : line + " ";
			int cut = split(prefix, word);
			if (cut > 0) {
				boolean compound = word.charAt(cut - 1) == '-';
				lines.add(prefix + word.substring(0, cut) + (compound ? "" : "-"));
				word = word.substring(cut);
			}
			else if (!line.isEmpty()) {
				lines.add(line.toString());
			}
			line.setLength(0);
			line.append(word);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** Where to break {@code word} so its head (and a hyphen) still fits after {@code prefix}; 0 for nowhere. */
	private int split(String prefix, String word) throws IOException {
		int hyphen = word.lastIndexOf('-', word.length() - 2);
		if (hyphen > 0 && width(prefix + word.substring(0, hyphen + 1)) <= WIDTH) {
			return hyphen + 1;
		}
		if (word.length() < 7 || !word.chars().allMatch(Character::isLetter)) {
			return 0;
		}
		for (int cut = word.length() - 3; cut >= 3; cut--) {
			if (width(prefix + word.substring(0, cut) + "-") <= WIDTH) {
				return cut;
			}
		}
		return 0;
	}

	private float width(String text) throws IOException {
		return font.getStringWidth(text) / 1000 * SIZE;
	}

}
