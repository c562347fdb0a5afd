package dev.eaw.docqa.extraction;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Word paragraphs in body order; "Heading n" / "Title" styles become headings, table rows paragraphs. */
final class DocxExtraction {

	private static final Pattern HEADING = Pattern.compile("heading\\s*([1-9])");

	private DocxExtraction() {
	}

	static ExtractedText extract(XWPFDocument document) {
		ExtractedText.Builder builder = new ExtractedText.Builder();
		for (IBodyElement element : document.getBodyElements()) {
			if (element instanceof XWPFParagraph paragraph) {
				int level = level(document, paragraph);
				if (level > 0) {
					builder.heading(level, paragraph.getText(), null);
				}
				else {
					builder.paragraph(paragraph.getText(), null);
				}
			}
			else if (element instanceof XWPFTable table) {
				for (XWPFTableRow row : table.getRows()) {
					StringBuilder line = new StringBuilder();
					for (XWPFTableCell cell : row.getTableCells()) {
						line.append(line.isEmpty() ? "" : " | ").append(cell.getText());
					}
					builder.paragraph(line.toString(), null);
				}
			}
		}
		return builder.build(null);
	}

	/** The heading level of a paragraph by its style's id or name, 0 for body text. */
	static int level(XWPFDocument document, XWPFParagraph paragraph) {
		String id = paragraph.getStyle();
		if (id == null) {
			return 0;
		}
		String name = id;
		if (document.getStyles() != null) {
			XWPFStyle style = document.getStyles().getStyle(id);
			if (style != null && style.getName() != null) {
				name = style.getName();
			}
		}
		for (String candidate : new String[] { name, id }) {
			String lower = candidate.toLowerCase(Locale.ROOT);
			if (lower.equals("title")) {
				return 1;
			}
			Matcher matcher = HEADING.matcher(lower);
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
		}
		return 0;
	}

}
